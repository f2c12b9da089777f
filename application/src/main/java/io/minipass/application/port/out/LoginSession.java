package io.minipass.application.port.out;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.UnionId;

import java.util.Objects;
import java.util.Optional;

/**
 * What a platform answers for a login code: who the user is and the key their client's
 * encrypted data is sealed with. The session key never leaves the service.
 *
 * @param formerOpenId the id the platform used for this user before it moved to {@code openId}
 *                     (Alipay's {@code user_id} beside its {@code open_id}): a shop may hold users by it
 */
public record LoginSession(Platform platform, OpenId openId, Optional<UnionId> unionId, String sessionKey,
                           Optional<OpenId> formerOpenId) {
    public LoginSession {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(openId, "openId");
        unionId = unionId == null ? Optional.empty() : unionId;
        sessionKey = sessionKey == null ? "" : sessionKey;
        formerOpenId = formerOpenId == null ? Optional.empty() : formerOpenId.filter(former -> !former.equals(openId));
    }

    /** The unionid that may bind this openid to an existing user: none on a platform whose unionids bind nobody. */
    public Optional<UnionId> bindingUnionId() {
        return platform.hasUnionId() ? unionId : Optional.empty();
    }

    public LoginSession(Platform platform, OpenId openId, Optional<UnionId> unionId, String sessionKey) {
        this(platform, openId, unionId, sessionKey, Optional.empty());
    }

    @Override
    public String toString() {
        return "LoginSession[" + platform + ", " + openId + ", unionId=" + unionId + ", formerOpenId=" + formerOpenId + "]";
    }
}
