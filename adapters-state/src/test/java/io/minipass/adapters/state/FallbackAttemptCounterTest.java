package io.minipass.adapters.state;

import io.minipass.application.port.out.AttemptCounterPort;
import io.minipass.application.port.out.SharedStateUnavailableException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FallbackAttemptCounterTest {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    /** A shared counter that can be switched off, as Redis would be. */
    private static final class SwitchableCounter implements AttemptCounterPort {
        final CaffeineAttemptCounter counts = new CaffeineAttemptCounter();
        boolean up = true;

        @Override
        public long count(String key) {
            requireUp();
            return counts.count(key);
        }

        @Override
        public long add(String key, Duration window) {
            requireUp();
            return counts.add(key, window);
        }

        private void requireUp() {
            if (!up) {
                throw new SharedStateUnavailableException("Redis did not answer (test)", null);
            }
        }
    }

    @Test
    void counts_in_the_shared_counter_while_it_answers() {
        SwitchableCounter shared = new SwitchableCounter();
        CaffeineAttemptCounter local = new CaffeineAttemptCounter();
        FallbackAttemptCounter counter = new FallbackAttemptCounter(shared, local);

        assertThat(counter.add("k", WINDOW)).isEqualTo(1);
        assertThat(counter.add("k", WINDOW)).isEqualTo(2);

        assertThat(shared.counts.count("k")).isEqualTo(2);
        assertThat(local.count("k")).isZero();
    }

    @Test
    void counts_on_this_node_while_the_shared_counter_is_away_and_goes_back_to_it() {
        SwitchableCounter shared = new SwitchableCounter();
        CaffeineAttemptCounter local = new CaffeineAttemptCounter();
        FallbackAttemptCounter counter = new FallbackAttemptCounter(shared, local);
        counter.add("k", WINDOW);

        shared.up = false;
        assertThat(counter.count("k")).isZero();
        assertThat(counter.add("k", WINDOW)).isEqualTo(1);
        assertThat(counter.add("k", WINDOW)).isEqualTo(2);

        shared.up = true;
        assertThat(counter.count("k")).isEqualTo(1);
        assertThat(counter.add("k", WINDOW)).isEqualTo(2);
    }
}
