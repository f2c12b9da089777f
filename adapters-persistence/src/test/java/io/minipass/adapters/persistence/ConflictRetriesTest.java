package io.minipass.adapters.persistence;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictRetriesTest {

    @Test
    void the_pause_limit_doubles_from_two_milliseconds_to_a_hundred_and_twenty_eight_and_stays_there() {
        List<Long> limits = new ArrayList<>();
        for (int failed = 1; failed < ConflictRetries.MAX_ATTEMPTS; failed++) {
            limits.add(ConflictRetries.limitMicros(failed));
        }

        assertThat(limits).containsExactly(2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 64_000L, 128_000L, 128_000L,
                128_000L, 128_000L, 128_000L, 128_000L, 128_000L, 128_000L, 128_000L);
        assertThat(ConflictRetries.limitMicros(40)).isEqualTo(128_000L);
    }

    @Test
    void each_pause_is_drawn_at_random_up_to_its_limit_and_no_attempt_follows_the_sixteenth() {
        List<Long> bounds = new ArrayList<>();
        List<Long> slept = new ArrayList<>();
        ConflictRetries retries = new ConflictRetries(slept::add, bound -> {
            bounds.add(bound);
            return bound / 2;
        });

        List<Boolean> another = new ArrayList<>();
        for (int failed = 1; failed <= ConflictRetries.MAX_ATTEMPTS; failed++) {
            another.add(retries.pauseBeforeAnother(failed));
        }

        assertThat(another).hasSize(16).endsWith(false).containsOnlyOnce(false);
        assertThat(bounds).hasSize(15).startsWith(2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 64_000L, 128_000L)
                .endsWith(128_000L);
        assertThat(slept).isEqualTo(bounds.stream().map(bound -> bound / 2).toList());
        assertThat(bounds.stream().mapToLong(Long::longValue).sum()).isLessThan(1_300_000L);
        assertThat(retries.retried()).isEqualTo(15);
        assertThat(retries.givenUp()).isEqualTo(1);
    }

    @Test
    void an_interrupted_pause_ends_the_attempts_and_keeps_the_interrupt() {
        ConflictRetries retries = new ConflictRetries(micros -> {
            throw new InterruptedException();
        }, bound -> bound);

        try {
            assertThat(retries.pauseBeforeAnother(1)).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(retries.retried()).isZero();
            assertThat(retries.givenUp()).isEqualTo(1);
        } finally {
            Thread.interrupted();
        }
    }
}
