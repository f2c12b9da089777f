package io.minipass.application.budget;

import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.OverBudgetException;
import io.minipass.application.testing.InMemoryAttemptCounter;
import io.minipass.application.testing.TestClock;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Budgets over any timing of calls: each key's window opens with its first attempt and lasts its length, and admits
 * at most its limit; an attempt is admitted exactly when a plain model of those windows says so.
 */
class AttemptBudgetsProperties {

    /** One call: after {@code delayMillis}, from one of two addresses for one of two openids, spent or a failure. */
    record Call(long delayMillis, int address, int openId, boolean failure) {
    }

    @Property
    void a_window_admits_at_most_its_limit_whatever_the_timing(@ForAll @IntRange(min = 1, max = 4) int perAddress,
                                                               @ForAll @IntRange(max = 4) int perOpenId,
                                                               @ForAll @IntRange(min = 1, max = 60) int windowSeconds,
                                                               @ForAll("calls") List<Call> calls) {
        TestClock clock = new TestClock(Instant.ofEpochSecond(1_700_000_000L));
        Duration window = Duration.ofSeconds(windowSeconds);
        AttemptBudgets budgets = new AttemptBudgets(new InMemoryAttemptCounter(clock),
                Map.of(Attempt.CODE_EXCHANGE, new Budget(perAddress, perOpenId, window),
                        Attempt.FAILED_DECRYPTION, new Budget(perAddress, perOpenId, window)));
        Model model = new Model(window.toMillis());
        List<Long> admittedAt = new ArrayList<>();

        for (Call call : calls) {
            clock.advance(Duration.ofMillis(call.delayMillis()));
            long now = clock.millis();
            ClientAddress from = new ClientAddress("10.0.0." + call.address());
            OpenId openId = new OpenId("o" + call.openId());
            List<Model.Account> accounts = new ArrayList<>();
            accounts.add(new Model.Account((call.failure() ? "f" : "s") + "a" + call.address(), perAddress));
            if (perOpenId > 0) {
                accounts.add(new Model.Account((call.failure() ? "f" : "s") + "o" + call.openId(), perOpenId));
            }
            boolean admitted;
            if (call.failure()) {
                admitted = admits(() -> budgets.requireRemaining(Attempt.FAILED_DECRYPTION, from, Platform.WEIXIN, openId));
                if (admitted) {
                    budgets.recordFailure(Attempt.FAILED_DECRYPTION, from, Platform.WEIXIN, openId);
                }
                assertThat(admitted).as("failure at %d ms", now).isEqualTo(model.failure(accounts, now));
            } else {
                admitted = admits(() -> budgets.spend(Attempt.CODE_EXCHANGE, from, Platform.WEIXIN, openId));
                assertThat(admitted).as("spend at %d ms", now).isEqualTo(model.spend(accounts, now));
                if (admitted && call.address() == 0) {
                    admittedAt.add(now);
                }
            }
        }
        // Whatever the model: no span of one window holds more of one address's admitted attempts than its limit
        // in the window that span falls in, so any two windows' worth at most twice it.
        for (int i = 0; i + 2 * perAddress < admittedAt.size(); i++) {
            assertThat(admittedAt.get(i + 2 * perAddress) - admittedAt.get(i)).isGreaterThanOrEqualTo(window.toMillis());
        }
    }

    private static boolean admits(Runnable attempt) {
        try {
            attempt.run();
            return true;
        } catch (OverBudgetException refused) {
            return false;
        }
    }

    /** Fixed windows per key, written out plainly. */
    private static final class Model {
        record Account(String key, long limit) {
        }

        private final long windowMillis;
        private final Map<String, long[]> windows = new HashMap<>(); // key -> {count, endsAt}

        Model(long windowMillis) {
            this.windowMillis = windowMillis;
        }

        /** Counts the attempt on each account in turn, refusing at the first one beyond its limit. */
        boolean spend(List<Account> accounts, long now) {
            for (Account account : accounts) {
                if (add(account.key(), now) > account.limit()) {
                    return false;
                }
            }
            return true;
        }

        /** Admitted while every account has failures left; then counted on every account. */
        boolean failure(List<Account> accounts, long now) {
            for (Account account : accounts) {
                if (count(account.key(), now) >= account.limit()) {
                    return false;
                }
            }
            accounts.forEach(account -> add(account.key(), now));
            return true;
        }

        private long count(String key, long now) {
            long[] window = windows.get(key);
            return window == null || now >= window[1] ? 0 : window[0];
        }

        private long add(String key, long now) {
            long[] window = windows.get(key);
            if (window == null || now >= window[1]) {
                window = new long[] {0, now + windowMillis};
                windows.put(key, window);
            }
            return ++window[0];
        }
    }

    @Provide
    Arbitrary<List<Call>> calls() {
        Arbitrary<Long> delays = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(0L)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(1, 2_000)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, 70_000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(999L, 1_000L, 1_001L, 59_999L, 60_000L)));
        return Combinators.combine(delays, Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 1),
                Arbitraries.of(false, false, true)).as(Call::new).list().ofMaxSize(40);
    }
}
