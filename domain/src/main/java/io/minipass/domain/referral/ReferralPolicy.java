package io.minipass.domain.referral;

import io.minipass.domain.user.User;

import java.util.Optional;

/** One rule a would-be referrer must pass; answers the reason when it does not. */
public interface ReferralPolicy {
    Optional<String> rejection(Optional<User> referrer);
}
