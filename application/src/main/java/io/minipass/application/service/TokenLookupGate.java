package io.minipass.application.service;

import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.budget.SuspectLane;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.OverBudgetException;

import java.util.regex.Pattern;

/**
 * Whether a token from an address may be looked up, and the failures that address is charged with. Once an
 * address has sent too many invalid tokens lately, a token from it that is not shaped like one the shop issues is
 * refused before anything is looked up, and one that is goes through the service-wide {@link SuspectLane}: a real
 * user behind that address keeps being answered while the junk it shares the address with stays cheap
 * (docs/security.md#attempt-budgets). {@code tokenuserinfo} and a token standing in for the login proof share it.
 */
final class TokenLookupGate {
    /** What this service issues and ShopXO's md5 tokens look like: 32 hex digits. */
    private static final Pattern ISSUED_SHAPE = Pattern.compile("[0-9A-Fa-f]{32}");

    private final AttemptBudgets budgets;
    private final SuspectLane suspects;

    TokenLookupGate(AttemptBudgets budgets, SuspectLane suspects) {
        this.budgets = budgets;
        this.suspects = suspects;
    }

    /** @throws OverBudgetException when the address's budget is spent and the token may not pass the lane */
    void admit(String token, ClientAddress from) {
        try {
            budgets.requireRemaining(Attempt.FAILED_TOKEN_LOOKUP, from);
        } catch (OverBudgetException spent) {
            if (token == null || !ISSUED_SHAPE.matcher(token).matches() || !suspects.tryEnter()) {
                throw spent;
            }
        }
    }

    /** The token proved nothing. */
    void failed(ClientAddress from) {
        budgets.recordFailure(Attempt.FAILED_TOKEN_LOOKUP, from);
    }
}
