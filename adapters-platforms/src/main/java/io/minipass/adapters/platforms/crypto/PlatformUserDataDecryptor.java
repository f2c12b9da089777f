package io.minipass.adapters.platforms.crypto;

import io.minipass.adapters.platforms.common.PlatformFailures;
import io.minipass.adapters.platforms.common.PlatformJson;
import io.minipass.adapters.platforms.common.PlatformNames;
import io.minipass.application.port.out.DecryptUserDataPort;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Opens the user data a client got from its platform ({@code encryptedData} + {@code iv}) with the
 * session key of that openid's last code exchange, and checks it was sealed for this shop's app
 * and for this user. WeChat, QQ and Toutiao use AES-128-CBC and a {@code watermark}; Baidu uses
 * AES-192-CBC and appends its App Key (docs/platforms.md#decryption). Alipay and Kuaishou send no such data.
 */
public final class PlatformUserDataDecryptor implements DecryptUserDataPort {
    /** Standard base64 of a 16-byte iv; ShopXO refuses any other length before decrypting. */
    private static final int IV_TEXT_LENGTH = 24;

    private final SessionKeyStore sessionKeys;
    private final DecryptionSettings settings;

    public PlatformUserDataDecryptor(SessionKeyStore sessionKeys, DecryptionSettings settings) {
        this.sessionKeys = Objects.requireNonNull(sessionKeys, "sessionKeys");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Profile data. WeChat and QQ must carry the shop's watermark. Toutiao's documentation describes
     * a watermark only for phone data, so a Toutiao profile without one is accepted, one with a
     * foreign app id is not.
     */
    @Override
    public Map<String, Object> decrypt(Platform platform, OpenId openId, String encryptedData, String iv) {
        WatermarkCheck check = platform == Platform.TOUTIAO ? WatermarkCheck.WHEN_PRESENT : WatermarkCheck.REQUIRED;
        return decrypt(platform, openId, encryptedData, iv, check);
    }

    /**
     * @param watermark how the WeChat-style watermark is checked; Baidu data is always checked by its App Key
     * @throws InvalidInputException when the platform has no such data or is not configured, a part is
     *                               missing or there is no session key
     * @throws io.minipass.application.port.out.UserDataRefusedException when the data does not open or is foreign
     */
    public Map<String, Object> decrypt(Platform platform, OpenId openId, String encryptedData, String iv,
                                       WatermarkCheck watermark) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(watermark, "watermark");
        String expected = expectedSeal(platform);
        if (encryptedData == null || encryptedData.isEmpty()) {
            throw new InvalidInputException(DecryptionFailures.NO_ENCRYPTED_DATA);
        }
        if (iv == null || iv.isEmpty()) {
            throw new InvalidInputException(DecryptionFailures.NO_IV);
        }
        if (iv.length() != IV_TEXT_LENGTH) {
            throw DecryptionFailures.refused(platform, "iv is not 24 characters");
        }
        String sessionKey = sessionKeys.find(platform, openId)
                .orElseThrow(() -> new InvalidInputException(DecryptionFailures.NO_SESSION_KEY));

        Map<String, Object> payload = platform == Platform.BAIDU
                ? openBaidu(sessionKey, encryptedData, iv, expected)
                : openWatermarked(platform, sessionKey, encryptedData, iv, expected, watermark);
        requireSameUser(platform, payload, openId);
        return payload;
    }

    /** The app id (or Baidu App Key) the data must be sealed for. */
    private String expectedSeal(Platform platform) {
        String name = PlatformNames.of(platform);
        return switch (platform) {
            case WEIXIN, QQ, TOUTIAO -> settings.appId(platform)
                    .orElseThrow(() -> PlatformFailures.notConfigured(platform, List.of()));
            case BAIDU -> settings.baiduKey()
                    .orElseThrow(() -> PlatformFailures.notConfigured(platform, List.of()));
            case ALIPAY, KUAISHOU -> throw new InvalidInputException(name + "小程序不支持加密数据解密");
        };
    }

    private Map<String, Object> openWatermarked(Platform platform, String sessionKey, String encryptedData,
                                                String iv, String appId, WatermarkCheck check) {
        Sealed sealed = Sealed.decode(platform, AesCbcPkcs7Cipher.KEY_LENGTH, sessionKey, iv, encryptedData);
        byte[] plaintext = AesCbcPkcs7Cipher.open(sealed.key(), sealed.iv(), sealed.ciphertext());
        if (plaintext == null) {
            throw DecryptionFailures.refused(platform, "did not open");
        }
        Map<String, Object> payload = PlatformJson.plainObject(plaintext);
        if (payload == null) {
            throw DecryptionFailures.refused(platform, "opened to no JSON object");
        }
        Object watermark = payload.get("watermark");
        if (watermark == null && check == WatermarkCheck.WHEN_PRESENT) {
            return payload;
        }
        if (!(watermark instanceof Map<?, ?> marks) || !appId.equals(marks.get("appid"))) {
            throw DecryptionFailures.refused(platform, "watermark does not name this shop's app");
        }
        return payload;
    }

    private Map<String, Object> openBaidu(String sessionKey, String encryptedData, String iv, String appKey) {
        Sealed sealed = Sealed.decode(Platform.BAIDU, BaiduCipher.KEY_LENGTH, sessionKey, iv, encryptedData);
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

    /** Key, iv and ciphertext as bytes; anything that is not base64 of the right length does not open. */
    private record Sealed(byte[] key, byte[] iv, byte[] ciphertext) {
        static Sealed decode(Platform platform, int keyLength, String sessionKey, String iv, String encryptedData) {
            byte[] key = Base64Field.decode(sessionKey, keyLength);
            byte[] ivBytes = Base64Field.decode(iv, AesCbcPkcs7Cipher.IV_LENGTH);
            byte[] ciphertext = Base64Field.decode(encryptedData);
            if (key == null || ivBytes == null || ciphertext == null) {
                throw DecryptionFailures.refused(platform, "not base64 of the right length");
            }
            return new Sealed(key, ivBytes, ciphertext);
        }
    }

    /** Data naming another openid belongs to someone else, whatever else it says. */
    private static void requireSameUser(Platform platform, Map<String, Object> payload, OpenId openId) {
        for (String field : new String[] {"openId", "openid"}) {
            if (payload.containsKey(field) && !openId.value().equals(PlatformJson.text(payload.get(field)))) {
                throw DecryptionFailures.refused(platform, "it names another openid");
            }
        }
    }
}
