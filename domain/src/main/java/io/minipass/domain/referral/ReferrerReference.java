package io.minipass.domain.referral;

import io.minipass.domain.user.UserId;

import java.util.Optional;

/** Reads the {@code referrer} a client sends: a user id in digits, or a share code. */
public final class ReferrerReference {
    private static final int MAX_DIGITS = 10;

    private ReferrerReference() {
    }

    /** The user the reference names, if it names one at all. */
    public static Optional<UserId> parse(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String trimmed = reference.trim();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (isDigits(trimmed)) {
            return positiveId(trimmed);
        }
        return ShareCode.decode(trimmed);
    }

    static Optional<UserId> positiveId(String digits) {
        if (!isDigits(digits)) {
            return Optional.empty();
        }
        String significant = digits.replaceFirst("^0+", "");
        if (significant.isEmpty() || significant.length() > MAX_DIGITS) {
            return Optional.empty();
        }
        long value = Long.parseLong(significant);
        return value <= UserId.MAX ? Optional.of(new UserId(value)) : Optional.empty();
    }

    /** Whether every character is an ASCII digit (the empty text too: its callers refuse it otherwise). */
    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
