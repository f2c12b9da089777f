package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.port.in.AuthorizationOutcome;
import io.minipass.application.port.in.AuthorizeMiniProgramUserCommand;
import io.minipass.application.port.in.AuthorizeMiniProgramUserUseCase;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.LoginCodeProofPort;
import io.minipass.application.port.out.LoginSession;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.application.port.in.ProvisionalUser;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.Profile;

/**
 * Exchanges a login code with the platform, keeps the session key for decrypting what the client
 * sends next, and logs in the user who holds the identity. An unknown WeChat user is registered at
 * once (unless the shop turned that off or needs a mobile first); others are told to send their profile,
 * and only then is the exchange kept as the proof that call needs.
 */
public final class AuthorizeMiniProgramUserService implements AuthorizeMiniProgramUserUseCase {
    static final String WEIXIN_DEFAULT_NICKNAME = "微信用户";

    private final ExchangeLoginCodePort exchange;
    private final SessionKeyStore sessionKeys;
    private final UserSignIn signIn;
    private final ReferrerResolver referrers;
    private final LoginCodeProofPort proofs;
    private final ClientIdentities identities;
    private final AttemptBudgets budgets;
    private final LoginSettings settings;

    public AuthorizeMiniProgramUserService(ExchangeLoginCodePort exchange, SessionKeyStore sessionKeys,
                                           UserSignIn signIn, ReferrerResolver referrers, LoginCodeProofPort proofs,
                                           ClientIdentities identities, AttemptBudgets budgets, LoginSettings settings) {
        this.exchange = exchange;
        this.sessionKeys = sessionKeys;
        this.signIn = signIn;
        this.referrers = referrers;
        this.proofs = proofs;
        this.identities = identities;
        this.budgets = budgets;
        this.settings = settings;
    }

    @Override
    public AuthorizationOutcome authorize(AuthorizeMiniProgramUserCommand command) {
        identities.requireServed(command.platform());
        budgets.spend(Attempt.CODE_EXCHANGE, command.from());
        LoginSession session = exchange.exchange(command.platform(), command.code());
        PlatformIdentity identity = session.identity();
        budgets.spend(Attempt.CODE_EXCHANGE, identity.platform(), identity.openId());
        if (!session.sessionKey().isEmpty()) {
            sessionKeys.remember(identity.platform(), identity.openId(), session.sessionKey());
        }
        LoginIdentity login = new LoginIdentity(command.systemType(), identity);
        AuthorizationOutcome outcome = UserSignIn.retryingLostRaces(() ->
                signIn.logInKnown(login)
                        .or(() -> session.formerOpenId().flatMap(former -> signIn.logInByFormerOpenId(login, former)))
                        .<AuthorizationOutcome>map(AuthorizationOutcome.Recognized::new)
                        .orElseGet(() -> newcomer(command, session, login)));
        if (!(outcome instanceof AuthorizationOutcome.Recognized)) {
            proofs.record(identity);
        } else {
            // Logged in here already: an earlier exchange's proof must not serve a second login.
            proofs.consume(identity.platform(), identity.openId());
        }
        return outcome;
    }

    /** An unknown WeChat user is registered at once, or told to bind a mobile first; others send their profile. */
    private AuthorizationOutcome newcomer(AuthorizeMiniProgramUserCommand command, LoginSession session,
                                          LoginIdentity login) {
        if (command.platform() != Platform.WEIXIN || !settings.weixinAutoRegister()) {
            return new AuthorizationOutcome.Unrecognized(login.platformIdentity());
        }
        Profile profile = new Profile(WEIXIN_DEFAULT_NICKNAME, "", Gender.SECRET, "", "");
        long referrer = referrers.resolve(command.referrer());
        if (settings.mandatoryMobileBinding()) {
            return new AuthorizationOutcome.MobileRequired(new ProvisionalUser(login.platformIdentity(), profile,
                    referrer));
        }
        budgets.spend(Attempt.REGISTRATION, command.from(), login.platform(), login.openId());
        return new AuthorizationOutcome.Recognized(signIn.register(login, profile, "", referrer));
    }
}
