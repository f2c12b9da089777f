package io.minipass.application.service;

import io.minipass.application.port.out.UserDirectory;
import io.minipass.domain.referral.ReferralRules;
import io.minipass.domain.referral.ReferrerForms;
import io.minipass.domain.referral.ReferrerKey;
import io.minipass.domain.user.User;

import java.util.Optional;

/** Turns the {@code referrer} a client sent into the inviter to record, or 0 when there is none to record. */
public final class ReferrerResolver {
    private final UserDirectory users;
    private final ReferralRules rules;
    private final ReferrerForms forms;

    /** @param forms the forms of reference the shop's ShopXO reads */
    public ReferrerResolver(UserDirectory users, ReferralRules rules, ReferrerForms forms) {
        this.users = users;
        this.rules = rules;
        this.forms = forms;
    }

    public long resolve(String reference) {
        Optional<User> candidate = forms.parse(reference).flatMap(this::find);
        if (candidate.isEmpty()) {
            return 0;
        }
        return rules.rejection(candidate).isEmpty() ? candidate.get().id().value() : 0;
    }

    private Optional<User> find(ReferrerKey key) {
        if (key instanceof ReferrerKey.ById byId) {
            return users.findById(byId.id());
        }
        if (key instanceof ReferrerKey.ByNumberCode byCode) {
            return users.findByNumberCode(byCode.numberCode());
        }
        if (key instanceof ReferrerKey.ByMobile byMobile) {
            return users.findLiveByMobile(byMobile.mobile());
        }
        return users.findByEmail(((ReferrerKey.ByEmail) key).email());
    }
}
