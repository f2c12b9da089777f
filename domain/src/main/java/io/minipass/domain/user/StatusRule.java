package io.minipass.domain.user;

import java.util.Optional;

/** Which statuses let a user in: ShopXO changed the rule between v2 and v3. */
public enum StatusRule {
    /** ShopXO v2.2: a muted user (status 1) still logs in; binding an openid by unionid needs status 0. */
    MUTED_MAY_LOG_IN,
    /** ShopXO v3 and later: only status 0 logs in, on every route, and each other status says why not. */
    ONLY_NORMAL;

    /** Why this status keeps the user from logging in; empty when it does not. */
    public Optional<LoginRefusal> loginRefusal(UserStatus status) {
        if (this == ONLY_NORMAL && status.code() == UserStatus.MUTED.code()) {
            return Optional.of(LoginRefusal.MUTED);
        }
        return status.loginRefusal();
    }

    /** Why the user a unionid found may not be given this openid; empty when it may. */
    public Optional<LoginRefusal> unionIdBindingRefusal(UserStatus status) {
        if (this == ONLY_NORMAL) {
            return loginRefusal(status);
        }
        return status.isNormal() ? Optional.empty() : Optional.of(LoginRefusal.NOT_AUDITED);
    }
}
