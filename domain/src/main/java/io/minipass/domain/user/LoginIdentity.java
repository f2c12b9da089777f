package io.minipass.domain.user;

import java.util.Objects;
import java.util.Optional;

/**
 * Who logs in: a platform's openid, with the unionid believed for it (none on a platform whose unionids bind
 * nobody), through one of the shop's client systems. ShopXO v3 and later keep exactly this in one platform row.
 */
public record LoginIdentity(SystemType systemType, Platform platform, OpenId openId, Optional<UnionId> unionId) {
    public LoginIdentity {
        Objects.requireNonNull(systemType, "systemType");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(openId, "openId");
        unionId = unionId == null || !platform.hasUnionId() ? Optional.empty() : unionId;
    }

    /** The channel a login with this identity goes through. */
    public Channel channel() {
        return Channel.of(systemType, platform);
    }

    /** The ids of this identity alone, as the platform row that holds it reads. */
    public PlatformIdentities ids() {
        return PlatformIdentities.of(platform, openId, unionId);
    }
}
