package io.minipass.domain.referral;

import io.minipass.domain.user.User;

import java.util.Optional;

public final class ReferrerMustExist implements ReferralPolicy {
    @Override
    public Optional<String> rejection(Optional<User> referrer) {
        return referrer.isPresent() ? Optional.empty() : Optional.of("no such user");
    }
}
