package io.minipass.adapters.platforms.crypto;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/**
 * WeChat's scheme, which QQ and Toutiao copy: AES-128-CBC with the 16-byte session key and strict
 * PKCS#7 padding (Java's {@code PKCS5Padding} is PKCS#7 for 16-byte blocks and rejects any bad pad).
 */
final class AesCbcPkcs7Cipher {
    static final int KEY_LENGTH = 16;
    static final int IV_LENGTH = SealedParts.IV_LENGTH;

    private AesCbcPkcs7Cipher() {
    }

    /** The plaintext, or {@code null} when the ciphertext does not open with this key and iv. */
    static byte[] open(byte[] key, byte[] iv, byte[] ciphertext) {
        if (key.length != KEY_LENGTH || iv.length != IV_LENGTH || ciphertext.length == 0
                || ciphertext.length % 16 != 0) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(ciphertext);
        } catch (BadPaddingException | IllegalBlockSizeException wrongKeyOrTampered) {
            return null;
        } catch (GeneralSecurityException missingAlgorithm) {
            throw new IllegalStateException("AES/CBC is not available", missingAlgorithm);
        }
    }
}
