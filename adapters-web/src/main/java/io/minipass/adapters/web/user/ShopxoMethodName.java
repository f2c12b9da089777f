package io.minipass.adapters.web.user;

import io.minipass.domain.user.TextFit;

/**
 * ShopXO dispatches per platform to a method named {@code ucfirst(strtolower(client type)) + suffix}
 * and answers {@code 方法未定义[PcUserInfo]} when there is none; we answer the same.
 */
final class ShopxoMethodName {
    private static final int MAX_ECHOED_CLIENT_TYPE = 30;

    private ShopxoMethodName() {
    }

    static String undefined(String clientType, String suffix) {
        return "方法未定义[" + of(clientType) + suffix + "]";
    }

    /** As much of a client type as an answer echoes: trimmed, at most 30 characters. */
    static String echoed(String clientType) {
        return TextFit.cut(clientType.trim(), MAX_ECHOED_CLIENT_TYPE);
    }

    /** ASCII case mapping only, as PHP's. */
    static String of(String clientType) {
        StringBuilder name = new StringBuilder(echoed(clientType));
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean upper = c >= 'A' && c <= 'Z';
            boolean lower = c >= 'a' && c <= 'z';
            if (i == 0 && lower) {
                name.setCharAt(i, (char) (c - 'a' + 'A'));
            } else if (i > 0 && upper) {
                name.setCharAt(i, (char) (c - 'A' + 'a'));
            }
        }
        return name.toString();
    }
}
