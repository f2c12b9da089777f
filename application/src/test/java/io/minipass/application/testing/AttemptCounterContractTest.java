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

/**
 * What every attempt counter must do; each adapter's test extends this with a fresh counter and its
 * own time. An adapter whose time cannot be moved (Redis keeps its own clock) declares a short window
 * and lets {@link #advance} sleep: every timing the tests use is a fraction of {@link #window()}, with
 * a fifth of it to spare on either side.
 */
public abstract class AttemptCounterContractTest {
    /** For tests that do not move time: longer than any of them takes. */
    private static final Duration LONG = Duration.ofMinutes(10);
    private AttemptCounterPort counter;
    private Duration window;

    protected abstract AttemptCounterPort freshCounter();

    /** Moves the counter's time on (or waits that long). */
    protected abstract void advance(Duration by);

    /** The window the tests count in: a minute for a counter whose clock the test moves. */
    protected Duration window() {
        return Duration.ofMinutes(1);
    }

    @BeforeEach
    void setUpCounter() {
        counter = freshCounter();
        window = window();
    }

    @Test
    void counts_attempts_per_key() {
        assertThat(counter.count("a")).isZero();
        assertThat(counter.add("a", LONG)).isEqualTo(1);
        assertThat(counter.add("a", LONG)).isEqualTo(2);
        assertThat(counter.add("b", LONG)).isEqualTo(1);

        assertThat(counter.count("a")).isEqualTo(2);
        assertThat(counter.count("A")).isZero();
    }

    @Test
    void a_window_closes_its_length_after_its_first_attempt_however_many_follow() {
        counter.add("a", window);
        advance(window.dividedBy(2));
        counter.add("a", window);
        assertThat(counter.count("a")).isEqualTo(2);

        advance(window.multipliedBy(7).dividedBy(10));

        assertThat(counter.count("a")).as("the window closed, though its last attempt is younger than it").isZero();
        assertThat(counter.add("a", window)).isEqualTo(1);
        assertThat(counter.count("a")).isEqualTo(1);
    }

    @Test
    void each_key_has_its_own_window() {
        counter.add("early", window);
        advance(window.dividedBy(2));
        counter.add("late", window);

        advance(window.multipliedBy(7).dividedBy(10));

        assertThat(counter.count("early")).isZero();
        assertThat(counter.count("late")).isEqualTo(1);
    }

    @Test
    void concurrent_attempts_are_each_counted_once() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                results.add(pool.submit(() -> counter.add("shared", LONG)));
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
