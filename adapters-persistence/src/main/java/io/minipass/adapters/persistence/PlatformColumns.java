package io.minipass.adapters.persistence;

import io.minipass.domain.user.Platform;

import java.util.Optional;

/**
 * The {@code <prefix>user_platform} columns of each platform's ids. Names come from here only, never from
 * input, so they may be spliced into SQL.
 */
final class PlatformColumns {
    private PlatformColumns() {
    }

    static String openId(Platform platform) {
        return platform.clientType() + "_openid";
    }

    /** Empty for a platform without unionids: a unionid sent for one is ignored. */
    static Optional<String> unionId(Platform platform) {
        return platform.hasUnionId() ? Optional.of(platform.clientType() + "_unionid") : Optional.empty();
    }
}
