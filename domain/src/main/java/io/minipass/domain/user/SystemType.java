package io.minipass.domain.user;

/**
 * ShopXO's {@code system_type} (v3 and later): which of the shop's client systems a login comes through.
 * One user has one platform row per system type and platform. ShopXO v2 had none: every login is
 * {@link #DEFAULT}'s there. 1 to 60 printable ASCII characters without whitespace.
 */
public record SystemType(String value) {
    public static final SystemType DEFAULT = new SystemType("default");

    public SystemType {
        if (!PlatformIdText.isWellFormed(value)) {
            throw new InvalidInputException("system_type格式有误");
        }
    }

    /** What a client sent, read as ShopXO reads it: trimmed, and absent, empty or {@code "0"} is the default. */
    public static SystemType fromClient(String sent) {
        String trimmed = sent == null ? "" : sent.strip();
        return trimmed.isEmpty() || trimmed.equals("0") ? DEFAULT : new SystemType(trimmed);
    }

    @Override
    public String toString() {
        return value;
    }
}
