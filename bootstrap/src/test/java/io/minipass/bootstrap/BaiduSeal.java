package io.minipass.bootstrap;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/** Encrypts user data the way Baidu's smart programs do (PLATFORMS.md): AES-192-CBC, 32-byte padding, app-key tail. */
final class BaiduSeal {
    private BaiduSeal() {
    }

    static String seal(String sessionKey, String iv, String appKey, String json) {
        byte[] content = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        plain.writeBytes(random);
        plain.writeBytes(ByteBuffer.allocate(4).putInt(content.length).array());
        plain.writeBytes(content);
        plain.writeBytes(appKey.getBytes(StandardCharsets.UTF_8));
        int pad = 32 - plain.size() % 32;
        for (int i = 0; i < pad; i++) {
            plain.write(pad);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(sessionKey), "AES"),
                    new IvParameterSpec(Base64.getDecoder().decode(iv)));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
