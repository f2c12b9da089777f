package io.minipass.application.port.out;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.PlatformIdentity;

import java.util.Objects;
import java.util.Optional;

/**
 * What a platform answers for a login code: who the user is and the key their client's
 * encrypted data is sealed with. The session key never leaves the service.
 *
 * @param formerOpenId the id the platform used for this user before it moved to its openid
 *                     (Alipay's {@code user_id} beside its {@code open_id}): a shop may hold users by it
 */
public record LoginSession(PlatformIdentity identity, String sessionKey, Optional<OpenId> formerOpenId) {
    public LoginSession {
        Objects.requireNonNull(identity, "identity");
        sessionKey = sessionKey == null ? "" : sessionKey;
        formerOpenId = formerOpenId == null
                ? Optional.empty() : formerOpenId.filter(former -> !former.equals(identity.openId()));
    }

    @Override
    public String toString() {
        return "LoginSession[" + identity.platform() + ", " + identity.openId() + ", unionId=" + identity.unionId()
                + ", formerOpenId=" + formerOpenId + "]";
    }
}
