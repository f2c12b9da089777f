package io.minipass.domain.referral;

import io.minipass.domain.user.User;

import java.util.Optional;

public final class ReferrerMustNotBeDeleted implements ReferralPolicy {
    @Override
    public Optional<String> rejection(Optional<User> referrer) {
        return referrer.filter(User::isDeleted).map(user -> "user " + user.id() + " is deleted");
    }
}
