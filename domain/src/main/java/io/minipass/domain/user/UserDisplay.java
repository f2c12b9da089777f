package io.minipass.domain.user;

/** How the shop shows a user's contact details and name without giving them away. */
public final class UserDisplay {
    private UserDisplay() {
    }

    /** First 3 characters, {@code ***}, last 3; empty stays empty. */
    public static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int length = TextFit.length(value);
        String head = TextFit.cut(value, 3);
        String tail = value.substring(value.offsetByCodePoints(0, Math.max(0, length - 3)));
        return head + "***" + tail;
    }

    /** The first non-empty of username, nickname, masked mobile, masked email. */
    public static String displayName(String username, String nickname, String mobile, String email) {
        for (String candidate : new String[] {username, nickname, mask(mobile), mask(email)}) {
            if (candidate != null && !candidate.isEmpty()) {
                return candidate;
            }
        }
        return "";
    }

    public static String displayName(User user) {
        return displayName(user.username(), user.nickname(), user.mobile(), user.email());
    }
}
