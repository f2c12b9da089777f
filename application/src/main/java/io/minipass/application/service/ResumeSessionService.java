package io.minipass.application.service;

import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.budget.SuspectLane;
import io.minipass.application.port.in.ClientAddress;
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

/**
 * Answers who a token belongs to while it is current, unexpired and its user may use the shop. An address that
 * sent too many invalid tokens lately gets no more look-ups than the {@link TokenLookupGate} lets through.
 */
public final class ResumeSessionService implements ResumeSessionUseCase {
    private final LiveTokens tokens;
    private final TokenLookupGate gate;
    private final StatusRule statusRule;

    /**
     * @param lifetime   how long a token lasts after it was issued; zero: until it is replaced
     * @param statusRule which statuses may use the shop: those that may log in
     * @param suspects   the look-ups that may still be made for addresses whose failed-look-up budget is spent
     */
    public ResumeSessionService(LoadUserByTokenPort tokens, Duration lifetime, Clock clock, AttemptBudgets budgets,
                                StatusRule statusRule, SuspectLane suspects) {
        this(new LiveTokens(tokens, lifetime, clock), new TokenLookupGate(budgets, suspects), statusRule);
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

    ResumeSessionService(LiveTokens tokens, TokenLookupGate gate, StatusRule statusRule) {
        this.tokens = tokens;
        this.gate = gate;
        this.statusRule = statusRule;
    }

    @Override
    public TokenLookup resume(String token, ClientAddress from) {
        gate.admit(token, from);
        Optional<TokenHolder> holder = tokens.holder(token);
        if (holder.isEmpty()) {
            gate.failed(from);
            return new TokenLookup.Invalid();
        }
        User user = holder.get().user();
        Optional<LoginRefusal> refusal = statusRule.loginRefusal(user.status());
        return refusal.<TokenLookup>map(TokenLookup.Refused::new).orElseGet(() -> new TokenLookup.Valid(user));
    }
}
