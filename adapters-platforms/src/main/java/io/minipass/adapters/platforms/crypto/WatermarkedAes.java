package io.minipass.adapters.platforms.crypto;

import io.minipass.adapters.platforms.common.PlatformJson;
import io.minipass.domain.user.Platform;

import java.util.Map;
import java.util.Objects;

/**
 * WeChat's scheme, which QQ and Toutiao copy (docs/platforms.md#aes-128-with-watermark): AES-128-CBC with the
 * 16-byte session key, a JSON payload whose {@code watermark.appid} names the shop's app.
 */
public final class WatermarkedAes implements UserDataDecryptor.Scheme {
    /** How long this scheme's session keys are. */
    public static final int KEY_BYTES = AesCbcPkcs7Cipher.KEY_LENGTH;

    private final Platform platform;

    public WatermarkedAes(Platform platform) {
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    @Override
    public Map<String, Object> open(String sessionKey, String encryptedData, String iv, String appId, WatermarkCheck check) {
        SealedParts sealed = SealedParts.decode(platform, AesCbcPkcs7Cipher.KEY_LENGTH, sessionKey, iv, encryptedData);
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
}
