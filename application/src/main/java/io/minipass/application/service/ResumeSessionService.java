package io.minipass.application.service;

import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.budget.SuspectLane;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.OverBudgetException;
import io.minipass.application.port.in.ResumeSessionUseCase;
import io.minipass.application.port.in.TokenLookup;
import io.minipass.application.port.out.LoadUserByTokenPort;
import io.minipass.application.port.out.TokenHolder;
import io.minipass.domain.user.LoginRefusal;
import io.minipass.domain.user.StatusRule;
import io.minipass.domain.user.User;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers who a token belongs to while it is current, unexpired and its user may use the shop. Once an
 * address has sent too many invalid tokens lately, a token from it that is not shaped like one the shop issues
 * is refused before anything is looked up, and one that is goes through the service-wide {@link SuspectLane}:
 * a real user behind that address keeps being answered while the junk it shares the address with stays cheap
 * (docs/security.md#attempt-budgets).
 */
public final class ResumeSessionService implements ResumeSessionUseCase {
    /** What this service issues and ShopXO's md5 tokens look like: 32 hex digits. */
    private static final Pattern ISSUED_SHAPE = Pattern.compile("[0-9A-Fa-f]{32}");

    private final LiveTokens tokens;
    private final AttemptBudgets budgets;
    private final StatusRule statusRule;
    private final SuspectLane suspects;

    /**
     * @param lifetime   how long a token lasts after it was issued; zero: until it is replaced
     * @param statusRule which statuses may use the shop: those that may log in
     * @param suspects   the look-ups that may still be made for addresses whose failed-look-up budget is spent
     */
    public ResumeSessionService(LoadUserByTokenPort tokens, Duration lifetime, Clock clock, AttemptBudgets budgets,
                                StatusRule statusRule, SuspectLane suspects) {
        this(new LiveTokens(tokens, lifetime, clock), budgets, statusRule, suspects);
    }

    /** A spent address is refused outright (no {@link SuspectLane}). */
    public ResumeSessionService(LoadUserByTokenPort tokens, Duration lifetime, Clock clock, AttemptBudgets budgets,
                                StatusRule statusRule) {
        this(tokens, lifetime, clock, budgets, statusRule, SuspectLane.CLOSED);
    }

    /** Under ShopXO v2.2's status rule. */
    public ResumeSessionService(LoadUserByTokenPort tokens, Duration lifetime, Clock clock, AttemptBudgets budgets) {
        this(tokens, lifetime, clock, budgets, StatusRule.MUTED_MAY_LOG_IN);
    }

    ResumeSessionService(LiveTokens tokens, AttemptBudgets budgets, StatusRule statusRule, SuspectLane suspects) {
        this.tokens = tokens;
        this.budgets = budgets;
        this.statusRule = statusRule;
        this.suspects = suspects;
    }

    @Override
    public TokenLookup resume(String token, ClientAddress from) {
        try {
            budgets.requireRemaining(Attempt.FAILED_TOKEN_LOOKUP, from);
        } catch (OverBudgetException spent) {
            if (token == null || !ISSUED_SHAPE.matcher(token).matches() || !suspects.tryEnter()) {
                throw spent;
            }
        }
        Optional<TokenHolder> holder = tokens.holder(token);
        if (holder.isEmpty()) {
            budgets.recordFailure(Attempt.FAILED_TOKEN_LOOKUP, from);
            return new TokenLookup.Invalid();
        }
        User user = holder.get().user();
        Optional<LoginRefusal> refusal = statusRule.loginRefusal(user.status());
        return refusal.<TokenLookup>map(TokenLookup.Refused::new).orElseGet(() -> new TokenLookup.Valid(user));
    }
}
