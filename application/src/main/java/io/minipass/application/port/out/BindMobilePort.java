package io.minipass.application.port.out;

import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.User;

/** Sets a verified mobile on a user who has none, issuing the user's new token in the same write. */
public interface BindMobilePort {

    /**
     * Sets the mobile and the token (as {@link IssueTokenPort} does, for the identity's channel), and claims the
     * mobile for the user, in one write.
     *
     * @param user the user as found through the identity
     * @return the user as it reads now
     * @throws MobileAlreadyClaimedException when another live user holds the mobile (registered or bound
     *         by us, or stored by the shop itself); nothing changes, the token included
     */
    User bindMobile(User user, LoginIdentity identity, String mobile, String token, long now);
}
