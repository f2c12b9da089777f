package io.minipass.application.port.out;

import io.minipass.domain.user.User;

/** Stores a new user, all or nothing. */
public interface RegisterUserPort {

    /**
     * Stores the user and claims its openid for it.
     *
     * @throws OpenIdAlreadyClaimedException when a live user holds the openid already; nothing is stored
     */
    User register(NewUser user);
}
