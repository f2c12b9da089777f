package io.minipass.domain.referral;

import io.minipass.domain.user.UserId;

/** Whom a {@code referrer} a client sent names: a user by id, or, on ShopXO v3 and later, by member code, mobile or email. */
public sealed interface ReferrerKey {

    record ById(UserId id) implements ReferrerKey {
    }

    record ByNumberCode(String numberCode) implements ReferrerKey {
    }

    record ByMobile(String mobile) implements ReferrerKey {
    }

    record ByEmail(String email) implements ReferrerKey {
    }
}
