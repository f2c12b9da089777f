package io.minipass.application.testing;

import io.minipass.application.port.out.AttemptCounterPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every attempt counter must do; each adapter's test extends this with a fresh counter and its own time. */
public abstract class AttemptCounterContractTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private AttemptCounterPort counter;

    protected abstract AttemptCounterPort freshCounter();

    /** Moves the counter's time on. */
    protected abstract void advance(Duration by);

    @BeforeEach
    void setUpCounter() {
        counter = freshCounter();
    }

    @Test
    void counts_attempts_per_key() {
        assertThat(counter.count("a")).isZero();
        assertThat(counter.add("a", MINUTE)).isEqualTo(1);
        assertThat(counter.add("a", MINUTE)).isEqualTo(2);
        assertThat(counter.add("b", MINUTE)).isEqualTo(1);

        assertThat(counter.count("a")).isEqualTo(2);
        assertThat(counter.count("A")).isZero();
    }

    @Test
    void a_window_closes_its_length_after_its_first_attempt_however_many_follow() {
        counter.add("a", MINUTE);
        advance(Duration.ofSeconds(50));
        counter.add("a", MINUTE);
        assertThat(counter.count("a")).isEqualTo(2);

        advance(Duration.ofSeconds(11));

        assertThat(counter.count("a")).isZero();
        assertThat(counter.add("a", MINUTE)).isEqualTo(1);
    }

    @Test
    void concurrent_attempts_are_each_counted_once() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                results.add(pool.submit(() -> counter.add("shared", MINUTE)));
            }
            List<Long> seen = new ArrayList<>();
            for (Future<Long> result : results) {
                seen.add(result.get());
            }
            assertThat(seen).doesNotHaveDuplicates().hasSize(400);
            assertThat(counter.count("shared")).isEqualTo(400);
        } finally {
            pool.shutdownNow();
        }
    }
}
