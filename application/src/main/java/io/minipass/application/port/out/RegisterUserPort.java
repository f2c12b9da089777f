package io.minipass.application.port.out;

import io.minipass.domain.user.User;

/** Stores a new user, all or nothing. */
public interface RegisterUserPort {

    /**
     * Stores the user and claims its openid for it, and its mobile when it has one.
     *
     * @throws OpenIdAlreadyClaimedException when a live user holds the openid already; nothing is stored
     * @throws MobileAlreadyClaimedException when the user has a mobile another live user holds already
     *         (registered by us, or stored by the shop itself); nothing is stored
     */
    User register(NewUser user);
}
