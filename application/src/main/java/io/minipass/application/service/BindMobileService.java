package io.minipass.application.service;

import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.port.in.BindMobileCommand;
import io.minipass.application.port.in.BindMobileUseCase;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.out.UserDirectory;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.application.service.ClientIdentities.ClaimedIdentity;
import io.minipass.application.service.MobileSignIn.MobileLogin;
import io.minipass.domain.user.LoginIdentity;

/** One-tap mobile binding: the platform vouches for the mobile, then {@link MobileSignIn}'s rules log the user in. */
public final class BindMobileService implements BindMobileUseCase {
    static final String MOBILE_TAKEN = MobileSignIn.MOBILE_TAKEN;
    static final String ACCOUNT_HAS_MOBILE = MobileSignIn.ACCOUNT_HAS_MOBILE;

    private final VerifiedMobiles verifiedMobiles;
    private final MobileSignIn mobileSignIn;
    private final ClientIdentities identities;
    private final TokenProofs tokenProofs;

    BindMobileService(VerifyPhoneNumberPort phoneNumbers, UserDirectory users, UserSignIn signIn,
                      ReferrerResolver referrers, ClientIdentities identities, TokenProofs tokenProofs,
                      FailedDecryptions failedDecryptions, AttemptBudgets budgets) {
        this.verifiedMobiles = new VerifiedMobiles(phoneNumbers, failedDecryptions, budgets);
        this.mobileSignIn = new MobileSignIn(users, signIn, referrers, budgets);
        this.identities = identities;
        this.tokenProofs = tokenProofs;
    }

    /** A signed-in user's token stands in for the login proof of their own openid (docs/security.md#the-login-proof). */
    @Override
    public LoginOutcome bindMobile(BindMobileCommand command) {
        ClaimedIdentity identity = identities.claim(command.identity(),
                () -> tokenProofs.proves(command.token(), command.systemType(), command.identity(), command.from()));
        String mobile = verifiedMobiles.verify(identity, command.proof(), command.from());
        LoginIdentity login = new LoginIdentity(command.systemType(), identity.identity());
        return mobileSignIn.signIn(new MobileLogin(login, identity, mobile, command.profile(), command.referrer(),
                command.from()));
    }
}
