package io.minipass.application.budget;

import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.OverBudgetException;
import io.minipass.application.testing.InMemoryAttemptCounter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttemptBudgetsTest {
    private final AttemptBudgets budgets = new AttemptBudgets(new InMemoryAttemptCounter(
            Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC)),
            Map.of(Attempt.CODE_EXCHANGE, new Budget(3, 0, Duration.ofMinutes(1))));

    @Test
    void an_ipv6_client_rotating_addresses_within_its_64_spends_one_budget() {
        for (int i = 1; i <= 3; i++) {
            budgets.spend(Attempt.CODE_EXCHANGE, new ClientAddress("2001:db8:1:2::" + Integer.toHexString(i)));
        }

        assertThatThrownBy(() -> budgets.spend(Attempt.CODE_EXCHANGE, new ClientAddress("2001:db8:1:2:abcd::99")))
                .isInstanceOf(OverBudgetException.class);
        assertThatCode(() -> budgets.spend(Attempt.CODE_EXCHANGE, new ClientAddress("2001:db8:1:3::1")))
                .as("the next /64 is another subscriber").doesNotThrowAnyException();
    }
}
