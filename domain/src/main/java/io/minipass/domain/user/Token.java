package io.minipass.domain.user;

import java.util.Optional;

/**
 * A login token, as ShopXO issues and reads it: 1 to 60 printable ASCII characters without whitespace (this
 * service issues 32 hex digits, ShopXO an md5). Its text never appears in {@link #toString()}: no log line holds a
 * token (docs/security.md, "Quiet logs").
 */
public record Token(String value) {
    public Token {
        if (!PlatformIdText.isWellFormed(value)) {
            throw new IllegalArgumentException("not a token's shape");
        }
    }

    /** What a client sent, as a token; empty when it cannot be one (absent, empty, too long, a space...). */
    public static Optional<Token> fromClient(String sent) {
        return PlatformIdText.isWellFormed(sent) ? Optional.of(new Token(sent)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "Token[" + value.length() + " characters]";
    }
}
