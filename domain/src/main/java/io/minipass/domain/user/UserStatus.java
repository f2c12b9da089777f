package io.minipass.domain.user;

/**
 * A user's {@code status} column as ShopXO uses it: 0 normal, 1 muted (may still log in),
 * 2 banned from login, 3 waiting for audit. Other values exist only when something else wrote them.
 */
public record UserStatus(int code) {
    public static final UserStatus NORMAL = new UserStatus(0);
    public static final UserStatus MUTED = new UserStatus(1);
    public static final UserStatus BANNED = new UserStatus(2);
    public static final UserStatus AWAITING_AUDIT = new UserStatus(3);

    public boolean isNormal() {
        return code == NORMAL.code;
    }

    /** Why this status keeps the user from logging in; empty when it does not. */
    public java.util.Optional<LoginRefusal> loginRefusal() {
        return switch (code) {
            case 0, 1 -> java.util.Optional.empty();
            case 2 -> java.util.Optional.of(LoginRefusal.BANNED);
            case 3 -> java.util.Optional.of(LoginRefusal.AWAITING_AUDIT);
            default -> java.util.Optional.of(LoginRefusal.UNKNOWN_STATUS);
        };
    }
}
