package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.budget.SuspectLane;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.application.testing.InMemoryAttemptCounter;
import io.minipass.application.testing.InMemoryUserStore;
import io.minipass.domain.referral.ReferralRules;
import io.minipass.domain.referral.ReferrerForms;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.StatusRule;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Shared set-up for the use-case tests. */
final class Fixtures {
    static final long NOW = 1_700_000_000L;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

    private Fixtures() {
    }

    static UserSignIn signIn(InMemoryUserStore store, LoginSettings settings) {
        return new UserSignIn(store, store, new TokenGenerator(), settings, CLOCK);
    }

    /** Budgets that never refuse, for tests about something else. */
    static AttemptBudgets noBudgets() {
        return new AttemptBudgets(new InMemoryAttemptCounter(CLOCK), Map.of());
    }

    /** A lane nobody passes: an address whose budget is spent is refused outright. */
    static SuspectLane closedLane() {
        return new SuspectLane(new InMemoryAttemptCounter(CLOCK), Attempt.FAILED_TOKEN_LOOKUP,
                SuspectLane.Limit.CLOSED);
    }

    /** Tokens that last until replaced, without budgets. */
    static TokenProofs tokenProofs(InMemoryUserStore store) {
        return new TokenProofs(new LiveTokens(store, Duration.ZERO, CLOCK), store,
                new TokenLookupGate(noBudgets(), closedLane()));
    }

    /** {@code tokenuserinfo} under ShopXO v2.2's status rule; an address whose budget is spent is refused outright. */
    static ResumeSessionService resumeSession(InMemoryUserStore store, Duration lifetime, Clock clock,
                                              AttemptBudgets budgets) {
        return new ResumeSessionService(new LiveTokens(store, lifetime, clock),
                new TokenLookupGate(budgets, closedLane()), StatusRule.MUTED_MAY_LOG_IN);
    }

    static FailedDecryptions failedDecryptions(SessionKeyStore sessionKeys) {
        return new FailedDecryptions(sessionKeys, noBudgets(), LoginSettings.DEFAULT_FAILURES_PER_SESSION_KEY);
    }

    static ReferrerResolver referrers(InMemoryUserStore store) {
        return new ReferrerResolver(store, ReferralRules.standard(), ReferrerForms.ID_OR_SHARE_CODE);
    }

    static User user(InMemoryUserStore store, long id, Platform platform, String openId, String mobile, UserStatus status) {
        return store.put(new User(new UserId(id),
                new PlatformIdentities(openId.isEmpty() ? Map.of() : Map.of(platform, openId), Map.of(), ""),
                status, "", "", "user" + id, mobile, "", Gender.SECRET, "", "", "", 0, "", 0, 0, 0, 0, 100, 0));
    }
}
