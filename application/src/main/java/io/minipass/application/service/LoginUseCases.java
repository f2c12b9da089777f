package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.budget.Budget;
import io.minipass.application.budget.SuspectLane;
import io.minipass.application.port.in.AuthorizeMiniProgramUserUseCase;
import io.minipass.application.port.in.BindMobileUseCase;
import io.minipass.application.port.in.LogInMiniProgramUserUseCase;
import io.minipass.application.port.in.RegisterWithMobileUseCase;
import io.minipass.application.port.in.ResumeSessionUseCase;
import io.minipass.application.port.in.VerifyMobileUseCase;
import io.minipass.application.port.out.AttemptCounterPort;
import io.minipass.application.port.out.DecryptUserDataPort;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.LoginCodeProofPort;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.application.port.out.UserStorePorts;
import io.minipass.application.port.out.VerifiedMobilePort;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.domain.referral.ReferralRules;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The login use cases, built from their ports in the one way the server and the tests share, so no
 * wiring can hand one service a port another should have had.
 */
public record LoginUseCases(LogInMiniProgramUserUseCase logIn, AuthorizeMiniProgramUserUseCase authorize,
                            ResumeSessionUseCase resumeSession, BindMobileUseCase bindMobile,
                            VerifyMobileUseCase verifyMobile, RegisterWithMobileUseCase registerWithMobile) {

    /** What the platforms do for a login: exchange codes, open sealed data, vouch for phone numbers. */
    public record PlatformPorts(ExchangeLoginCodePort exchange, DecryptUserDataPort decrypt, VerifyPhoneNumberPort phones) {
    }

    /** What a node remembers between requests. */
    public record StatePorts(SessionKeyStore sessionKeys, LoginCodeProofPort proofs, AttemptCounterPort attempts,
                             VerifiedMobilePort verifiedMobiles) {
    }

    /**
     * @param budgets             attempt budgets; an attempt without one is not limited
     * @param suspectTokenLookups token look-ups the whole service still makes for addresses whose failed-look-up
     *                            budget is spent
     * @param tokenLifetime       how long a token lasts after it was issued; zero: until it is replaced
     */
    public static LoginUseCases create(UserStorePorts users, PlatformPorts platforms, StatePorts state,
                                       LoginSettings settings, Map<Attempt, Budget> budgets,
                                       SuspectLane.Limit suspectTokenLookups, Duration tokenLifetime, Clock clock) {
        UserSignIn signIn = new UserSignIn(users.directory(), users.accounts(), new TokenGenerator(), settings, clock);
        ReferrerResolver referrers = new ReferrerResolver(users.directory(), ReferralRules.standard(),
                settings.referrerForms());
        ClientIdentities identities = new ClientIdentities(state.proofs(), settings);
        AttemptBudgets attemptBudgets = new AttemptBudgets(state.attempts(), budgets);
        FailedDecryptions failedDecryptions = new FailedDecryptions(state.sessionKeys(), attemptBudgets,
                settings.failuresPerSessionKey());
        LiveTokens liveTokens = new LiveTokens(users.tokens(), tokenLifetime, clock);
        TokenLookupGate tokenLookups = new TokenLookupGate(attemptBudgets,
                new SuspectLane(state.attempts(), Attempt.FAILED_TOKEN_LOOKUP, suspectTokenLookups));
        TokenProofs tokenProofs = new TokenProofs(liveTokens, users.directory(), tokenLookups);
        return new LoginUseCases(
                new LogInMiniProgramUserService(signIn, platforms.decrypt(), referrers, identities, failedDecryptions,
                        attemptBudgets, settings),
                new AuthorizeMiniProgramUserService(platforms.exchange(), state.sessionKeys(), signIn, referrers,
                        state.proofs(), identities, attemptBudgets, settings),
                new ResumeSessionService(liveTokens, tokenLookups, settings.statusRule()),
                new BindMobileService(platforms.phones(), users.directory(), signIn, referrers, identities, tokenProofs,
                        failedDecryptions, attemptBudgets),
                new VerifyMobileService(platforms.phones(), failedDecryptions, identities, tokenProofs,
                        state.verifiedMobiles(), attemptBudgets),
                new RegisterWithMobileService(new MobileSignIn(users.directory(), signIn, referrers, attemptBudgets),
                        identities, tokenProofs, state.verifiedMobiles()));
    }
}
