package io.minipass.application.service;

import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.LoginOutcome.LoginKind;
import io.minipass.application.port.out.UserDirectory;
import io.minipass.application.service.ClientIdentities.ClaimedIdentity;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.User;

import java.util.Optional;

/**
 * Logging in with a verified mobile, with ShopXO's rules: the user already holding the mobile gets this
 * identity; else the identity's user gets the mobile if it has none; a mobile that belongs to another account
 * is refused; otherwise a new user is registered with it. Shared by one-tap binding and the registration
 * that names a mobile verified a moment before.
 */
record MobileSignIn(UserDirectory users, UserSignIn signIn, ReferrerResolver referrers, AttemptBudgets budgets) {
    static final String MOBILE_TAKEN = "手机已绑定其他帐号";
    static final String ACCOUNT_HAS_MOBILE = "帐号已绑定其他手机";

    /** What one login with a verified mobile names: who, the proof it spends, the mobile, a newcomer's profile. */
    record MobileLogin(LoginIdentity login, ClaimedIdentity claimed, String mobile, Profile profile, String referrer,
                       ClientAddress from) {
    }

    /** @throws InvalidInputException when the mobile, or the identity's user, belongs to another account */
    LoginOutcome signIn(MobileLogin request) {
        return UserSignIn.retryingLostRaces(() -> signInOnce(request));
    }

    private LoginOutcome signInOnce(MobileLogin request) {
        LoginIdentity login = request.login();
        Optional<User> byOpenId = users.findLiveByOpenId(login.systemType(), login.platform(), login.openId());
        Optional<User> byMobile = users.findLiveByMobile(request.mobile());
        if (byMobile.isPresent()) {
            return logInMobileHolder(byMobile.get(), byOpenId, request);
        }
        if (byOpenId.isPresent()) {
            return giveMobile(byOpenId.get(), request);
        }
        request.claimed().spendProof();
        budgets.spend(Attempt.REGISTRATION, request.from(), login.platform(), login.openId());
        return signIn.register(login, request.profile(), request.mobile(), referrers.resolve(request.referrer()));
    }

    /**
     * The mobile's holder logs in: as themselves when the identity is theirs already, else given the identity. A
     * holder read through no platform row ({@code holder} as found by its mobile) holds an openid of this platform
     * only where the shop keeps it in the user's row (ShopXO v2): then another openid there is another account.
     */
    private LoginOutcome logInMobileHolder(User holder, Optional<User> byOpenId, MobileLogin request) {
        LoginIdentity login = request.login();
        String heldOpenId = holder.identities().openId(login.platform());
        boolean openIdElsewhere = byOpenId.isPresent() && !byOpenId.get().id().equals(holder.id());
        if (openIdElsewhere || (!heldOpenId.isEmpty() && !heldOpenId.equals(login.openId().value()))) {
            throw new InvalidInputException(MOBILE_TAKEN);
        }
        request.claimed().spendProof();
        return byOpenId.isPresent()
                ? signIn.logInExisting(byOpenId.get(), login)
                : signIn.bindOpenIdTo(holder, login, LoginKind.BOUND_BY_MOBILE);
    }

    private LoginOutcome giveMobile(User user, MobileLogin request) {
        if (!user.mobile().isEmpty()) {
            throw new InvalidInputException(ACCOUNT_HAS_MOBILE);
        }
        request.claimed().spendProof();
        return signIn.giveMobile(user, request.login(), request.mobile());
    }
}
