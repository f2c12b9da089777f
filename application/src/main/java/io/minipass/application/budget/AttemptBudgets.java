package io.minipass.application.budget;

import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.OverBudgetException;
import io.minipass.application.port.out.AttemptCounterPort;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shop's budgets of attempts per client address and per openid. Attempts that cost something
 * whatever their result (code exchanges, registrations) are spent up front; failures (decryptions,
 * token look-ups) are counted after they happen and refuse further tries once spent.
 */
public final class AttemptBudgets {
    private final AttemptCounterPort counter;
    private final Map<Attempt, Budget> budgets;

    /** @param budgets by attempt; an attempt without one is not limited */
    public AttemptBudgets(AttemptCounterPort counter, Map<Attempt, Budget> budgets) {
        this.counter = counter;
        this.budgets = new EnumMap<>(Attempt.class);
        this.budgets.putAll(budgets);
    }

    /** @throws OverBudgetException when the address has spent this attempt's budget */
    public void spend(Attempt attempt, ClientAddress from) {
        spend(attempt, accounts(attempt, from, null, null));
    }

    /** @throws OverBudgetException when the openid has spent this attempt's budget */
    public void spend(Attempt attempt, Platform platform, OpenId openId) {
        spend(attempt, accounts(attempt, null, platform, openId));
    }

    /** @throws OverBudgetException when the address or the openid has spent this attempt's budget */
    public void spend(Attempt attempt, ClientAddress from, Platform platform, OpenId openId) {
        spend(attempt, accounts(attempt, from, platform, openId));
    }

    /** @throws OverBudgetException when the address has no failures of this kind left */
    public void requireRemaining(Attempt attempt, ClientAddress from) {
        requireRemaining(attempt, accounts(attempt, from, null, null));
    }

    /** @throws OverBudgetException when the address or the openid has no failures of this kind left */
    public void requireRemaining(Attempt attempt, ClientAddress from, Platform platform, OpenId openId) {
        requireRemaining(attempt, accounts(attempt, from, platform, openId));
    }

    /** Whether the openid has failures of this kind left, whatever its address's budget. */
    public boolean hasRemaining(Attempt attempt, Platform platform, OpenId openId) {
        for (Account account : accounts(attempt, null, platform, openId)) {
            if (counter.count(account.key()) >= account.limit()) {
                return false;
            }
        }
        return true;
    }

    public void recordFailure(Attempt attempt, ClientAddress from) {
        record(attempt, accounts(attempt, from, null, null));
    }

    public void recordFailure(Attempt attempt, ClientAddress from, Platform platform, OpenId openId) {
        record(attempt, accounts(attempt, from, platform, openId));
    }

    /** Counting first and comparing after keeps concurrent attempts from slipping past the limit together. */
    private void spend(Attempt attempt, List<Account> accounts) {
        Budget budget = budgets.get(attempt);
        for (Account account : accounts) {
            if (counter.add(account.key(), budget.window()) > account.limit()) {
                throw new OverBudgetException(attempt);
            }
        }
    }

    private void requireRemaining(Attempt attempt, List<Account> accounts) {
        for (Account account : accounts) {
            if (counter.count(account.key()) >= account.limit()) {
                throw new OverBudgetException(attempt);
            }
        }
    }

    private void record(Attempt attempt, List<Account> accounts) {
        for (Account account : accounts) {
            counter.add(account.key(), budgets.get(attempt).window());
        }
    }

    /** The limited accounts an attempt is charged to: the address's and the openid's, each when given. */
    private List<Account> accounts(Attempt attempt, ClientAddress from, Platform platform, OpenId openId) {
        Budget budget = budgets.get(attempt);
        List<Account> accounts = new ArrayList<>(2);
        if (budget == null) {
            return accounts;
        }
        String prefix = attempt.name().toLowerCase(Locale.ROOT) + ":";
        if (budget.perAddress() > 0 && from != null) {
            accounts.add(new Account(prefix + "address:" + from.budgetKey(), budget.perAddress()));
        }
        if (budget.perOpenId() > 0 && openId != null) {
            accounts.add(new Account(prefix + platform.clientType() + ":" + openId.value(), budget.perOpenId()));
        }
        return accounts;
    }

    private record Account(String key, long limit) {
    }
}
