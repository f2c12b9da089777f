package io.minipass.application.port.out;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.UnionId;

import java.util.Objects;
import java.util.Optional;

/**
 * What a platform answers for a login code: who the user is and the key their client's
 * encrypted data is sealed with. The session key never leaves the service.
 */
public record LoginSession(Platform platform, OpenId openId, Optional<UnionId> unionId, String sessionKey) {
    public LoginSession {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(openId, "openId");
        unionId = unionId == null ? Optional.empty() : unionId;
        sessionKey = sessionKey == null ? "" : sessionKey;
    }

    @Override
    public String toString() {
        return "LoginSession[" + platform + ", " + openId + ", unionId=" + unionId + "]";
    }
}
