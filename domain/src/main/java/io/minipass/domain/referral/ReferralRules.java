package io.minipass.domain.referral;

import io.minipass.domain.user.User;

import java.util.List;
import java.util.Optional;

/** All the rules a referrer must pass to be recorded at registration. */
public final class ReferralRules {
    private final List<ReferralPolicy> policies;

    public ReferralRules(List<ReferralPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    public static ReferralRules standard() {
        return new ReferralRules(List.of(new ReferrerMustExist(), new ReferrerMustNotBeDeleted(), new ReferrerMustBeActive()));
    }

    /** The first rule's reason for refusing this referrer; empty when every rule allows it. */
    public Optional<String> rejection(Optional<User> referrer) {
        for (ReferralPolicy policy : policies) {
            Optional<String> reason = policy.rejection(referrer);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }
}
