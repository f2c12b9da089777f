package io.minipass.application.service;

import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.budget.Budget;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.OverBudgetException;
import io.minipass.application.port.out.UserDataRefusedException;
import io.minipass.application.testing.InMemoryAttemptCounter;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailedDecryptionsTest {
    private static final OpenId OPENID = new OpenId("o-baidu");
    private static final ClientAddress FROM = new ClientAddress("203.0.113.7");

    private final InMemorySessionKeys sessionKeys = new InMemorySessionKeys();

    private String refuse() {
        throw new UserDataRefusedException();
    }

    @Test
    void a_few_failures_drop_the_session_key_so_it_serves_no_oracle() {
        FailedDecryptions failures = new FailedDecryptions(sessionKeys, Fixtures.noBudgets(), 5);
        sessionKeys.remember(Platform.BAIDU, OPENID, "key");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> failures.open(Platform.BAIDU, OPENID, FROM, this::refuse))
                    .isInstanceOf(UserDataRefusedException.class);
        }
        assertThat(sessionKeys.find(Platform.BAIDU, OPENID)).contains("key");

        assertThatThrownBy(() -> failures.open(Platform.BAIDU, OPENID, FROM, this::refuse));

        assertThat(sessionKeys.find(Platform.BAIDU, OPENID)).isEmpty();
    }

    @Test
    void success_passes_through_and_counts_nothing() {
        FailedDecryptions failures = new FailedDecryptions(sessionKeys, Fixtures.noBudgets(), 1);
        sessionKeys.remember(Platform.QQ, OPENID, "key");

        assertThat(failures.open(Platform.QQ, OPENID, FROM, () -> "opened")).isEqualTo("opened");
        assertThat(sessionKeys.find(Platform.QQ, OPENID)).contains("key");
    }

    @Test
    void failures_beyond_the_openid_budget_refuse_before_decrypting_even_with_a_new_key() {
        AttemptBudgets budgets = new AttemptBudgets(new InMemoryAttemptCounter(Fixtures.CLOCK),
                Map.of(Attempt.FAILED_DECRYPTION, new Budget(0, 3, Duration.ofHours(1))));
        FailedDecryptions failures = new FailedDecryptions(sessionKeys, budgets, 5);
        for (int i = 0; i < 3; i++) {
            sessionKeys.remember(Platform.BAIDU, OPENID, "key-" + i);
            assertThatThrownBy(() -> failures.open(Platform.BAIDU, OPENID, FROM, this::refuse))
                    .isInstanceOf(UserDataRefusedException.class);
        }
        sessionKeys.remember(Platform.BAIDU, OPENID, "fresh-key");

        assertThatThrownBy(() -> failures.open(Platform.BAIDU, OPENID, FROM, () -> "would open"))
                .isInstanceOf(OverBudgetException.class);
    }
}
