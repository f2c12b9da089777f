package io.minipass.domain.referral;

import io.minipass.domain.user.User;

import java.util.Optional;

/** Only a user in good standing (status 0) may refer others. */
public final class ReferrerMustBeActive implements ReferralPolicy {
    @Override
    public Optional<String> rejection(Optional<User> referrer) {
        return referrer.filter(user -> !user.status().isNormal())
                .map(user -> "user " + user.id() + " has status " + user.status().code());
    }
}
