package io.minipass.domain.user;

/** The shop's id of a user ({@code sxo_user.id}). */
public record UserId(long value) {
    /** The largest id an unsigned INT column can hold. */
    public static final long MAX = 4_294_967_295L;

    public UserId {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("user id out of range: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
