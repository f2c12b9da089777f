package io.minipass.adapters.state.redis;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals session keys for Redis with AES-256-GCM: a random 96-bit nonce per value, and the value's
 * owner (platform and openid) as associated data, so a sealed key opens only for the openid it was
 * stored under. The stored text is {@code v1.} followed by base64 of nonce and ciphertext; the
 * version leaves room for a later change of secret.
 */
final class SessionKeyCipher {
    private static final String VERSION = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec secret;
    private final SecureRandom random = new SecureRandom();

    SessionKeyCipher(byte[] secret) {
        this.secret = new SecretKeySpec(secret, "AES");
    }

    String seal(String sessionKey, String owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, secret, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(sessionKey.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The session key, or empty when the value was sealed with another secret, for another owner, or altered. */
    Optional<String> open(String stored, String owner) {
        if (stored == null || !stored.startsWith(VERSION)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            if (bytes.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, secret, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] key = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return Optional.of(new String(key, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException unreadable) {
            return Optional.empty();
        }
    }
}
