package io.minipass.adapters.platforms.crypto;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** Seals payloads the way each platform does, for tests. */
public final class PlatformEncryption {
    private PlatformEncryption() {
    }

    /** WeChat, QQ, Toutiao: AES-128-CBC, PKCS#7, base64. */
    public static String wechatStyle(String sessionKey, String iv, String json) {
        return wechatStyle(sessionKey, iv, json.getBytes(StandardCharsets.UTF_8));
    }

    public static String wechatStyle(String sessionKey, String iv, byte[] plaintext) {
        return base64(aes("AES/CBC/PKCS5Padding", sessionKey, iv, plaintext));
    }

    /** Any bytes, block-aligned, without padding: for payloads whose padding is broken on purpose. */
    public static String raw(String sessionKey, String iv, byte[] blockAligned) {
        return base64(aes("AES/CBC/NoPadding", sessionKey, iv, blockAligned));
    }

    /**
     * Baidu: {@code random(16) | len(4, big-endian) | content | appKey}, padded PKCS#7-style to a
     * multiple of 32 bytes, AES-192-CBC without further padding.
     */
    public static String baidu(String sessionKey, String iv, String json, String appKey) {
        byte[] content = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        plain.writeBytes("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        plain.writeBytes(ByteBuffer.allocate(4).putInt(content.length).array());
        plain.writeBytes(content);
        plain.writeBytes(appKey.getBytes(StandardCharsets.UTF_8));
        int pad = 32 - plain.size() % 32;
        for (int i = 0; i < pad; i++) {
            plain.write(pad);
        }
        return raw(sessionKey, iv, plain.toByteArray());
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static byte[] unbase64(String text) {
        return Base64.getDecoder().decode(text);
    }

    private static byte[] aes(String transformation, String sessionKey, String iv, byte[] plaintext) {
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(unbase64(sessionKey), "AES"),
                    new IvParameterSpec(unbase64(iv)));
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
