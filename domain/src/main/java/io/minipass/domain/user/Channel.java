package io.minipass.domain.user;

import java.util.Objects;

/**
 * Which of a user's platform rows (ShopXO v3 and later) a user was read through: the row's system type and
 * platform code as stored ({@code "weixin"}, or {@code "pc"} for a row of ShopXO's own web login). A user read
 * otherwise (by id, by mobile, or from ShopXO v2's table, which has no such rows) has {@link #NONE}.
 */
public record Channel(String systemType, String platform) {
    public static final Channel NONE = new Channel("", "");

    public Channel {
        Objects.requireNonNull(systemType, "systemType");
        Objects.requireNonNull(platform, "platform");
    }

    public static Channel of(SystemType systemType, Platform platform) {
        return new Channel(systemType.value(), platform.clientType());
    }
}
