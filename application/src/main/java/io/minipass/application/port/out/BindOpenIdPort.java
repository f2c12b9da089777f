package io.minipass.application.port.out;

import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.User;

/** Binds a platform identity to an existing user, issuing that user's new token in the same write. */
public interface BindOpenIdPort {

    /**
     * Where the shop keeps platform rows, adds a row holding the identity (and the token goes to every row of its
     * channel); elsewhere, sets the user's openid column of the platform.
     *
     * @return the user as it reads now, through the identity's channel
     * @throws OpenIdAlreadyClaimedException when another live user holds the openid already; nothing is changed
     */
    User bindOpenId(User user, LoginIdentity identity, String token, long now);
}
