package io.minipass.adapters.platforms.baidu;

import io.minipass.adapters.platforms.common.PlatformJson;
import io.minipass.adapters.platforms.crypto.DecryptionFailures;
import io.minipass.adapters.platforms.crypto.SealedParts;
import io.minipass.adapters.platforms.crypto.UserDataDecryptor;
import io.minipass.adapters.platforms.crypto.WatermarkCheck;
import io.minipass.domain.user.Platform;

import java.util.Map;

/** Baidu's sealed data (docs/platforms.md#baidu-aes-192): {@link BaiduCipher}, closed with the shop's App Key. */
final class BaiduScheme implements UserDataDecryptor.Scheme {

    /** @param watermark not used: the App Key takes the watermark's place */
    @Override
    public Map<String, Object> open(String sessionKey, String encryptedData, String iv, String appKey, WatermarkCheck watermark) {
        SealedParts sealed = SealedParts.decode(Platform.BAIDU, BaiduCipher.KEY_LENGTH, sessionKey, iv, encryptedData);
        BaiduCipher.Opened opened = BaiduCipher.open(sealed.key(), sealed.iv(), sealed.ciphertext(), appKey);
        if (opened instanceof BaiduCipher.Opened.ForeignAppKey) {
            throw DecryptionFailures.refused(Platform.BAIDU, "sealed for another App Key");
        }
        if (!(opened instanceof BaiduCipher.Opened.Content content)) {
            throw DecryptionFailures.refused(Platform.BAIDU, "did not open");
        }
        Map<String, Object> payload = PlatformJson.plainObject(content.bytes());
        if (payload == null) {
            throw DecryptionFailures.refused(Platform.BAIDU, "opened to no JSON object");
        }
        return payload;
    }
}
