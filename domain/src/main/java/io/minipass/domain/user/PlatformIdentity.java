package io.minipass.domain.user;

import java.util.Objects;
import java.util.Optional;

/**
 * One person on one mini-program platform: the platform's openid, with the unionid believed for it. A unionid
 * is kept only on a platform whose unionids bind a new openid to an existing user ({@link Platform#hasUnionId()});
 * on the others it is dropped here, the one place that rule is applied.
 */
public record PlatformIdentity(Platform platform, OpenId openId, Optional<UnionId> unionId) {
    public PlatformIdentity {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(openId, "openId");
        unionId = unionId == null || !platform.hasUnionId() ? Optional.empty() : unionId;
    }

    /** The ids of this identity alone, as the platform row that holds it reads. */
    public PlatformIdentities ids() {
        return PlatformIdentities.of(platform, openId, unionId);
    }
}
