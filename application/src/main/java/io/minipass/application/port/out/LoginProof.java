package io.minipass.application.port.out;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.UnionId;

import java.util.Objects;
import java.util.Optional;

/**
 * The platform vouched for this openid in a login-code exchange, and gave this unionid with it
 * (empty when it gave none, or the platform's unionids bind nobody). Only such a unionid may bind
 * the openid to an existing user.
 */
public record LoginProof(Platform platform, OpenId openId, Optional<UnionId> unionId) {
    public LoginProof {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(openId, "openId");
        unionId = unionId == null || !platform.hasUnionId() ? Optional.empty() : unionId;
    }
}
