package io.minipass.application.service;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Login tokens: 128 bits from a secure random source, as 32 lowercase hex digits. */
public final class TokenGenerator {
    private final SecureRandom random = new SecureRandom();

    public String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
