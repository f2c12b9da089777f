package io.minipass.application.service;

import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.application.port.out.UserDataRefusedException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import java.util.function.Supplier;

/**
 * Keeps encrypted user data from serving as an oracle: failures are budgeted per address and openid,
 * and after a few with one session key the key is dropped, so the client must log in again
 * (docs/security.md).
 */
public final class FailedDecryptions {
    private final SessionKeyStore sessionKeys;
    private final AttemptBudgets budgets;
    private final int failuresPerSessionKey;

    public FailedDecryptions(SessionKeyStore sessionKeys, AttemptBudgets budgets, int failuresPerSessionKey) {
        this.sessionKeys = sessionKeys;
        this.budgets = budgets;
        this.failuresPerSessionKey = failuresPerSessionKey;
    }

    /** Runs a decryption with this openid's session key, counting it when the data is refused. */
    <T> T open(Platform platform, OpenId openId, ClientAddress from, Supplier<T> decryption) {
        budgets.requireRemaining(Attempt.FAILED_DECRYPTION, from, platform, openId);
        try {
            return decryption.get();
        } catch (UserDataRefusedException refused) {
            budgets.recordFailure(Attempt.FAILED_DECRYPTION, from, platform, openId);
            if (sessionKeys.recordFailedDecryption(platform, openId) >= failuresPerSessionKey) {
                sessionKeys.forget(platform, openId);
            }
            throw refused;
        }
    }
}
