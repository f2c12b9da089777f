package io.minipass.application.service;

import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.port.in.BindMobileCommand;
import io.minipass.application.port.in.BindMobileUseCase;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.LoginOutcome.LoginKind;
import io.minipass.application.port.out.LoadUserByMobilePort;
import io.minipass.application.port.out.LoadUserPort;
import io.minipass.application.port.out.UserStorePorts;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.application.service.ClientIdentities.ClaimedIdentity;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.User;

import java.util.Optional;

/**
 * One-tap mobile binding, with ShopXO's rules: the user already holding the verified mobile gets this
 * openid; else the openid's user gets the mobile if it has none; a mobile that belongs to another
 * account is refused; otherwise a new user is registered with it.
 */
public final class BindMobileService implements BindMobileUseCase {
    static final String MOBILE_TAKEN = "手机已绑定其他帐号";
    static final String ACCOUNT_HAS_MOBILE = "帐号已绑定其他手机";

    private final VerifyPhoneNumberPort phoneNumbers;
    private final LoadUserPort users;
    private final LoadUserByMobilePort usersByMobile;
    private final UserSignIn signIn;
    private final ReferrerResolver referrers;
    private final ClientIdentities identities;
    private final FailedDecryptions failedDecryptions;
    private final AttemptBudgets budgets;

    public BindMobileService(VerifyPhoneNumberPort phoneNumbers, UserStorePorts users, UserSignIn signIn,
                             ReferrerResolver referrers, ClientIdentities identities, FailedDecryptions failedDecryptions,
                             AttemptBudgets budgets) {
        this.phoneNumbers = phoneNumbers;
        this.users = users.load();
        this.usersByMobile = users.loadByMobile();
        this.signIn = signIn;
        this.referrers = referrers;
        this.identities = identities;
        this.failedDecryptions = failedDecryptions;
        this.budgets = budgets;
    }

    @Override
    public LoginOutcome bindMobile(BindMobileCommand command) {
        ClaimedIdentity identity = identities.claim(command.platform(), command.openId(), command.unionId());
        String mobile = failedDecryptions.open(command.platform(), command.openId(), command.from(),
                () -> phoneNumbers.verifiedMobile(command.platform(), command.openId(), command.proof()));
        if (mobile == null || !mobile.matches("\\d{5,11}")) {
            throw new InvalidInputException("手机号码格式有误");
        }
        return UserSignIn.retryingLostRaces(() -> bind(command, identity, mobile));
    }

    private LoginOutcome bind(BindMobileCommand command, ClaimedIdentity identity, String mobile) {
        Optional<User> byOpenId = users.findLiveByOpenId(command.platform(), command.openId());
        Optional<User> byMobile = usersByMobile.findLiveByMobile(mobile);
        if (byMobile.isPresent()) {
            return logInMobileHolder(byMobile.get(), byOpenId, command, identity);
        }
        if (byOpenId.isPresent()) {
            return giveMobile(byOpenId.get(), mobile, identity);
        }
        identity.spendProof();
        budgets.spend(Attempt.REGISTRATION, command.from(), command.platform(), command.openId());
        return signIn.register(command.platform(), command.openId(), identity.unionId(), command.profile(), mobile,
                referrers.resolve(command.referrer()));
    }

    private LoginOutcome logInMobileHolder(User holder, Optional<User> byOpenId, BindMobileCommand command,
                                           ClaimedIdentity identity) {
        String heldOpenId = holder.identities().openId(command.platform());
        boolean openIdElsewhere = byOpenId.isPresent() && !byOpenId.get().id().equals(holder.id());
        if (openIdElsewhere || (!heldOpenId.isEmpty() && !heldOpenId.equals(command.openId().value()))) {
            throw new InvalidInputException(MOBILE_TAKEN);
        }
        identity.spendProof();
        return byOpenId.isPresent()
                ? signIn.logInExisting(holder)
                : signIn.bindOpenIdTo(holder, command.platform(), command.openId(), LoginKind.BOUND_BY_MOBILE);
    }

    private LoginOutcome giveMobile(User user, String mobile, ClaimedIdentity identity) {
        if (!user.mobile().isEmpty()) {
            throw new InvalidInputException(ACCOUNT_HAS_MOBILE);
        }
        identity.spendProof();
        return signIn.giveMobile(user, mobile);
    }
}
