package io.minipass.adapters.state;

import io.minipass.application.testing.ClientTexts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-process counter over any keys (any client text) and any timing, held to {@link AttemptWindowsModel}: every
 * count and every add answers what the model does.
 */
class CaffeineAttemptCounterProperties {

    /** One step: after {@code waitMillis}, an add (with a window of {@code windowMillis}) or a count on key {@code key}. */
    record Step(int key, boolean add, long waitMillis, long windowMillis) {
    }

    @Property
    void answers_as_the_windows_rule_whatever_the_keys_and_the_timing(@ForAll("keys") @Size(4) List<String> keys,
                                                                      @ForAll("steps") List<Step> steps) {
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        CaffeineAttemptCounter counter = new CaffeineAttemptCounter(1_000, nanos::get);
        AttemptWindowsModel model = new AttemptWindowsModel();

        for (Step step : steps) {
            // half a millisecond off the grid: no step lands on a window's last instant, which neither rule decides
            long now = nanos.addAndGet(Duration.ofMillis(step.waitMillis()).toNanos() + 500_000);
            String key = keys.get(step.key());
            if (step.add()) {
                long length = Duration.ofMillis(step.windowMillis()).toNanos();
                assertThat(counter.add(key, Duration.ofNanos(length))).as("add on key %d at %d", step.key(), now)
                        .isEqualTo(model.add(key, length, now));
            } else {
                assertThat(counter.count(key)).as("count on key %d at %d", step.key(), now)
                        .isEqualTo(model.count(key, now));
            }
        }
    }

    @Provide
    Arbitrary<List<String>> keys() {
        return ClientTexts.any(4).list().ofSize(4).uniqueElements();
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(true, true, false),
                        Arbitraries.longs().between(0, 1_500), Arbitraries.of(1_000L, 2_000L, 60_000L))
                .as(Step::new).list().ofMaxSize(60);
    }
}
