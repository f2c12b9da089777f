package io.minipass.application.port.out;

import io.minipass.domain.user.UserId;

/** Sets a verified mobile on a user who has none, issuing the user's new token in the same write. */
public interface BindMobilePort {

    /**
     * Sets the mobile and the token, and claims the mobile for the user, in one write.
     *
     * @throws MobileAlreadyClaimedException when another live user holds the mobile (registered or bound
     *         by us, or stored by the shop itself); nothing changes, the token included
     */
    void bindMobile(UserId userId, String mobile, String token, long now);
}
