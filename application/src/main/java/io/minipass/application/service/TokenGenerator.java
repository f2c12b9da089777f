package io.minipass.application.service;

import io.minipass.domain.user.Token;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Login tokens: 128 bits from a secure random source, as 32 lowercase hex digits. */
public final class TokenGenerator {
    private final SecureRandom random = new SecureRandom();

    public Token newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return new Token(HexFormat.of().formatHex(bytes));
    }
}
