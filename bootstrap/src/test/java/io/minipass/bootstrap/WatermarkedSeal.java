package io.minipass.bootstrap;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Encrypts user data the way WeChat, and QQ after it, do (PLATFORMS.md): AES-128-CBC with the
 * base64-decoded 16-byte session key, PKCS#7 padding, base64 out. The caller puts the
 * {@code watermark} into the JSON.
 */
final class WatermarkedSeal {
    private WatermarkedSeal() {
    }

    static String seal(String sessionKey, String iv, String json) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(sessionKey), "AES"),
                    new IvParameterSpec(Base64.getDecoder().decode(iv)));
            return Base64.getEncoder().encodeToString(cipher.doFinal(json.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
