package io.minipass.adapters.platforms.baidu;

import io.minipass.adapters.platforms.crypto.SealedParts;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Baidu's scheme: AES-192-CBC with the 24-byte session key over
 * {@code 16 random bytes | content length (4 bytes, big-endian) | content | App Key}, padded
 * PKCS#7-style to a multiple of 32 bytes, which a 16-byte PKCS#7 unpad would reject; so the
 * cipher runs without padding and the pad is removed here.
 */
final class BaiduCipher {
    static final int KEY_LENGTH = 24;
    static final int IV_LENGTH = SealedParts.IV_LENGTH;
    private static final int RANDOM_PREFIX = 16;
    private static final int LENGTH_FIELD = 4;
    private static final int MAX_PAD = 32;

    private BaiduCipher() {
    }

    /** What opening gave: the content when it opened and carried the App Key. */
    sealed interface Opened {
        record Content(byte[] bytes) implements Opened {
        }

        /** Did not decrypt to Baidu's layout: wrong key, tampered or not Baidu's data. */
        record Unreadable() implements Opened {
        }

        /** Opened, but sealed for another app. */
        record ForeignAppKey() implements Opened {
        }
    }

    static Opened open(byte[] key, byte[] iv, byte[] ciphertext, String appKey) {
        if (key.length != KEY_LENGTH || iv.length != IV_LENGTH || ciphertext.length == 0
                || ciphertext.length % 16 != 0) {
            return new Opened.Unreadable();
        }
        byte[] padded = decryptWithoutPadding(key, iv, ciphertext);
        int length = unpaddedLength(padded);
        if (length < RANDOM_PREFIX + LENGTH_FIELD) {
            return new Opened.Unreadable();
        }
        long contentLength = readUint32(padded, RANDOM_PREFIX);
        int contentStart = RANDOM_PREFIX + LENGTH_FIELD;
        if (contentLength > length - contentStart) {
            return new Opened.Unreadable();
        }
        int contentEnd = contentStart + (int) contentLength;
        byte[] tail = Arrays.copyOfRange(padded, contentEnd, length);
        if (!MessageDigest.isEqual(tail, appKey.getBytes(StandardCharsets.UTF_8))) {
            return new Opened.ForeignAppKey();
        }
        return new Opened.Content(Arrays.copyOfRange(padded, contentStart, contentEnd));
    }

    private static byte[] decryptWithoutPadding(byte[] key, byte[] iv, byte[] ciphertext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(ciphertext);
        } catch (GeneralSecurityException missingAlgorithm) {
            throw new IllegalStateException("AES/CBC/NoPadding is not available", missingAlgorithm);
        }
    }

    /** The length without the pad, or -1 when the last byte is no pad of 1 to 32 equal bytes. */
    private static int unpaddedLength(byte[] padded) {
        int pad = padded[padded.length - 1] & 0xff;
        if (pad < 1 || pad > MAX_PAD || pad > padded.length) {
            return -1;
        }
        for (int i = padded.length - pad; i < padded.length; i++) {
            if ((padded[i] & 0xff) != pad) {
                return -1;
            }
        }
        return padded.length - pad;
    }

    private static long readUint32(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xffL) << 24) | ((bytes[offset + 1] & 0xffL) << 16)
                | ((bytes[offset + 2] & 0xffL) << 8) | (bytes[offset + 3] & 0xffL);
    }
}
