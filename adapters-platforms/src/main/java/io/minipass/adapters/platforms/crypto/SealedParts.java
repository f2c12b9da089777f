package io.minipass.adapters.platforms.crypto;

import io.minipass.domain.user.Platform;

/** Key, iv and ciphertext as bytes; anything that is not strict base64 of the right length does not open. */
public record SealedParts(byte[] key, byte[] iv, byte[] ciphertext) {
    public static final int IV_LENGTH = 16;

    /** @throws io.minipass.application.port.out.UserDataRefusedException when a part is not base64 of its length */
    public static SealedParts decode(Platform platform, int keyLength, String sessionKey, String iv, String encryptedData) {
        byte[] key = Base64Field.decode(sessionKey, keyLength);
        byte[] ivBytes = Base64Field.decode(iv, IV_LENGTH);
        byte[] ciphertext = Base64Field.decode(encryptedData);
        if (key == null || ivBytes == null || ciphertext == null) {
            throw DecryptionFailures.refused(platform, "not base64 of the right length");
        }
        return new SealedParts(key, ivBytes, ciphertext);
    }
}
