package io.minipass.application.port.out;

import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.Token;
import io.minipass.domain.user.User;

/**
 * The writes that give a user a login: storing a newcomer, binding an identity or a verified mobile to a user, and
 * issuing a token. Each write that issues a token replaces (and so invalidates) the token the user held for the
 * identity's channel.
 */
public interface UserAccounts {

    /**
     * Stores the user, all or nothing, and claims its openid for it, and its mobile when it has one.
     *
     * @throws OpenIdAlreadyClaimedException when a live user holds the openid already; nothing is stored
     * @throws MobileAlreadyClaimedException when the user has a mobile another live user holds already
     *         (registered by us, or stored by the shop itself); nothing is stored
     */
    User register(NewUser user);

    /**
     * Gives a user a new login token for one identity's channel. Where the shop keeps platform rows, the token goes
     * to every row of the identity's system type and platform, and a user without such a row gets one holding the
     * identity first (so the token works on the shop's own routes); elsewhere, to the user's row.
     *
     * @param user the user as loaded for this login: the token they held then lets a store replace it without
     *             locking first when nothing changed it since; whatever token they hold now is replaced either way
     * @return the user as it reads now
     */
    User issueToken(User user, LoginIdentity identity, Token token, long now);

    /**
     * Binds a platform identity to an existing user, issuing that user's new token in the same write. Where the shop
     * keeps platform rows, adds a row holding the identity (and the token goes to every row of its channel);
     * elsewhere, sets the user's openid column of the platform.
     *
     * @return the user as it reads now, through the identity's channel
     * @throws OpenIdAlreadyClaimedException when another live user holds the openid already; nothing is changed
     */
    User bindOpenId(User user, LoginIdentity identity, Token token, long now);

    /**
     * Sets a verified mobile on a user who has none, and the token (as {@link #issueToken} does, for the identity's
     * channel), and claims the mobile for the user, in one write.
     *
     * @param user the user as found through the identity
     * @return the user as it reads now
     * @throws MobileAlreadyClaimedException when another live user holds the mobile (registered or bound
     *         by us, or stored by the shop itself); nothing changes, the token included
     */
    User bindMobile(User user, LoginIdentity identity, String mobile, Token token, long now);
}
