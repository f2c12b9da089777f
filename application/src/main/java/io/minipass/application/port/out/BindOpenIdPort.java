package io.minipass.application.port.out;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.UserId;

/** Binds a platform openid to an existing user, issuing that user's new token in the same write. */
public interface BindOpenIdPort {

    /**
     * @throws OpenIdAlreadyClaimedException when another live user holds the openid already; nothing is changed
     */
    void bindOpenId(UserId userId, Platform platform, OpenId openId, String token, long now);
}
