package io.minipass.domain.user;

import java.util.Optional;

/** A platform's id for one user across the shop's apps on that platform. */
public record UnionId(String value) {
    public UnionId {
        if (!PlatformIdText.isWellFormed(value)) {
            throw new InvalidInputException("unionid格式有误");
        }
    }

    /** An absent or empty unionid is no unionid; anything else must be well formed. */
    public static Optional<UnionId> optional(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(new UnionId(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
