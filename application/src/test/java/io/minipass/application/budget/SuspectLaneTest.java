package io.minipass.application.budget;

import io.minipass.application.testing.InMemoryAttemptCounter;
import io.minipass.application.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuspectLaneTest {
    private final TestClock clock = new TestClock(Instant.ofEpochSecond(1_700_000_000));
    private final InMemoryAttemptCounter counter = new InMemoryAttemptCounter(clock);

    @Test
    void lets_exactly_its_limit_through_per_window() {
        SuspectLane lane = new SuspectLane(counter, Attempt.FAILED_TOKEN_LOOKUP, new SuspectLane.Limit(2,
                Duration.ofSeconds(1)));

        assertThat(lane.tryEnter()).isTrue();
        assertThat(lane.tryEnter()).isTrue();
        assertThat(lane.tryEnter()).isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(lane.tryEnter()).as("a new window").isTrue();
    }

    @Test
    void a_closed_lane_lets_nobody_through_and_counts_nothing() {
        SuspectLane lane = new SuspectLane(counter, Attempt.FAILED_TOKEN_LOOKUP, SuspectLane.Limit.CLOSED);

        assertThat(lane.tryEnter()).isFalse();
        assertThat(counter.count("failed_token_lookup:suspect-lane")).isZero();
    }

    @Test
    void a_limit_is_zero_or_more_attempts_in_a_positive_window() {
        assertThat(new SuspectLane.Limit(0, Duration.ofMillis(1)).attempts()).isZero();
        assertThatThrownBy(() -> new SuspectLane.Limit(-1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SuspectLane.Limit(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SuspectLane.Limit(1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
