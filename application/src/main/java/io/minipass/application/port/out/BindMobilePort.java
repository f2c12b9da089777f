package io.minipass.application.port.out;

import io.minipass.domain.user.UserId;

/** Sets a verified mobile on a user who has none, issuing the user's new token in the same write. */
public interface BindMobilePort {
    void bindMobile(UserId userId, String mobile, String token, long now);
}
