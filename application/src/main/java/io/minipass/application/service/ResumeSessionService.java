package io.minipass.application.service;

import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.ResumeSessionUseCase;
import io.minipass.application.port.in.TokenLookup;
import io.minipass.application.port.out.TokenHolder;
import io.minipass.domain.user.LoginRefusal;
import io.minipass.domain.user.StatusRule;
import io.minipass.domain.user.User;

import java.util.Optional;

/**
 * Answers who a token belongs to while it is current, unexpired and its user may use the shop. An address that
 * sent too many invalid tokens lately gets no more look-ups than the {@link TokenLookupGate} lets through. The
 * status rule says which statuses may use the shop: those that may log in.
 */
record ResumeSessionService(LiveTokens tokens, TokenLookupGate gate, StatusRule statusRule)
        implements ResumeSessionUseCase {

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
