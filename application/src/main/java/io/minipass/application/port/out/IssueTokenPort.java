package io.minipass.application.port.out;

import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.User;

/** Gives a user a new login token for one identity's channel, replacing (and so invalidating) the previous one. */
public interface IssueTokenPort {
    /**
     * Where the shop keeps platform rows, the token goes to every row of the identity's system type and platform,
     * and a user without such a row gets one holding the identity first (so the token works on the shop's own
     * routes); elsewhere, to the user's row.
     *
     * @param user the user as loaded for this login: the token they held then lets a store replace it without
     *             locking first when nothing changed it since; whatever token they hold now is replaced either way
     * @return the user as it reads now
     */
    User issueToken(User user, LoginIdentity identity, String token, long now);
}
