package io.minipass.adapters.state.redis;

import io.minipass.adapters.state.AttemptWindowsModel;
import io.minipass.application.port.out.AttemptCounterPort;
import io.minipass.application.testing.ClientTexts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis counter, on the local Redis under a key prefix of its own, over any keys (any well-formed client text:
 * colons, spaces, look-alikes, 4-byte characters; keys are addresses and platform ids that passed their checks, so no
 * lone surrogate reaches it): each key counts apart from every other, as {@link AttemptWindowsModel} does within one
 * window. Redis keeps its own clock, so the windows here outlast a try; the contract test waits one out.
 */
class RedisAttemptCounterProperties {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static TestRedis redis;
    private static RedisState state;

    @BeforeContainer
    static void connect() {
        redis = new TestRedis();
        state = RedisState.connect(redis.settings());
    }

    @AfterContainer
    static void removeKeys() {
        state.close();
        redis.close();
    }

    /** An add or a count on key {@code key}. */
    record Step(int key, boolean add) {
    }

    @Property(tries = 100)
    void each_key_counts_apart_from_every_other_whatever_its_text(@ForAll("keys") @Size(4) List<String> keys,
                                                                  @ForAll("steps") List<Step> steps) {
        AttemptCounterPort counter = state.attempts();
        AttemptWindowsModel model = new AttemptWindowsModel();
        String thisTry = UUID.randomUUID() + ":";
        for (Step step : steps) {
            String key = thisTry + keys.get(step.key());
            if (step.add()) {
                assertThat(counter.add(key, WINDOW)).as("add on key %d", step.key())
                        .isEqualTo(model.add(key, WINDOW.toNanos(), 0));
            } else {
                assertThat(counter.count(key)).as("count on key %d", step.key()).isEqualTo(model.count(key, 0));
            }
        }
    }

    @Provide
    Arbitrary<List<String>> keys() {
        return ClientTexts.wellFormed(4).list().ofSize(4).uniqueElements();
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(true, true, false))
                .as(Step::new).list().ofMaxSize(30);
    }
}
