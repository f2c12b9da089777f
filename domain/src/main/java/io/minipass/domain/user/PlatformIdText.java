package io.minipass.domain.user;

/** The shape shared by openids and unionids: printable ASCII without whitespace, at most 60 characters. */
final class PlatformIdText {
    static final int MAX_LENGTH = 60;

    private PlatformIdText() {
    }

    static boolean isWellFormed(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
