package io.minipass.application.service;

import io.minipass.application.port.out.LoadUserPort;
import io.minipass.domain.referral.ReferralRules;
import io.minipass.domain.referral.ReferrerReference;
import io.minipass.domain.user.UserId;

import java.util.Optional;

/** Turns the {@code referrer} a client sent into the inviter to record, or 0 when there is none to record. */
public final class ReferrerResolver {
    private final LoadUserPort users;
    private final ReferralRules rules;

    public ReferrerResolver(LoadUserPort users, ReferralRules rules) {
        this.users = users;
        this.rules = rules;
    }

    public long resolve(String reference) {
        Optional<UserId> candidate = ReferrerReference.parse(reference);
        if (candidate.isEmpty()) {
            return 0;
        }
        return rules.rejection(users.findById(candidate.get())).isEmpty() ? candidate.get().value() : 0;
    }
}
