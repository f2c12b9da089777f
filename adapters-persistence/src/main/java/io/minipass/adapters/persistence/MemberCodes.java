package io.minipass.adapters.persistence;

import java.util.concurrent.ThreadLocalRandom;

/**
 * ShopXO v3's member code ({@code number_code}) of a new user, as ShopXO makes it: {@code 8888}, then random
 * digits 1 to 9, then the id, 14 characters in all (an id of 10 digits or more follows {@code 8888} directly).
 */
final class MemberCodes {
    private static final String PREFIX = "8888";
    private static final int DIGITS_AFTER_PREFIX = 10;

    private MemberCodes() {
    }

    static String of(long userId) {
        String id = Long.toString(userId);
        StringBuilder code = new StringBuilder(PREFIX);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = id.length(); i < DIGITS_AFTER_PREFIX; i++) {
            code.append((char) ('1' + random.nextInt(9)));
        }
        return code.append(id).toString();
    }
}
