package io.minipass.adapters.persistence;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongUnaryOperator;

/**
 * How often, and after how long a pause, a unit of work the database gave up is run again: a deadlock, or on a
 * Galera cluster a certification conflict with another node's write, which Galera reports as a deadlock at any
 * statement or at the commit (docs/design.md, ADR-52). The pause is random between nothing and a limit that
 * doubles from {@link #FIRST_LIMIT_MICROS} to {@link #LAST_LIMIT_MICROS}, so that the writers that collided do not
 * collide again in step; all pauses together stay under 1.3 s, and a conflict that rare takes a few milliseconds.
 */
final class ConflictRetries {
    /** Attempts in all, the first included. */
    static final int MAX_ATTEMPTS = 16;
    static final long FIRST_LIMIT_MICROS = 2_000;
    static final long LAST_LIMIT_MICROS = 128_000;

    /** Sleeps the given microseconds; throws when the thread is interrupted. */
    interface Sleeper {
        void sleep(long micros) throws InterruptedException;
    }

    private final Sleeper sleeper;
    private final LongUnaryOperator randomBelow;
    private final LongAdder retried = new LongAdder();
    private final LongAdder givenUp = new LongAdder();

    ConflictRetries(Sleeper sleeper, LongUnaryOperator randomBelow) {
        this.sleeper = sleeper;
        this.randomBelow = randomBelow;
    }

    static ConflictRetries standard() {
        return new ConflictRetries(TimeUnit.MICROSECONDS::sleep, bound -> ThreadLocalRandom.current().nextLong(bound + 1));
    }

    /** The longest pause after the given number of failed attempts (1 for the first failure). */
    static long limitMicros(int failedAttempts) {
        int doublings = Math.min(failedAttempts - 1, 30);
        return Math.min(LAST_LIMIT_MICROS, FIRST_LIMIT_MICROS << doublings);
    }

    /**
     * After the given number of failed attempts, pauses and answers true when another attempt may run; answers
     * false when none is left or the thread was interrupted (its interrupt flag set again).
     */
    boolean pauseBeforeAnother(int failedAttempts) {
        if (failedAttempts >= MAX_ATTEMPTS) {
            givenUp.increment();
            return false;
        }
        try {
            sleeper.sleep(randomBelow.applyAsLong(limitMicros(failedAttempts)));
            retried.increment();
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            givenUp.increment();
            return false;
        }
    }

    /** Units of work run again after a conflict, since the start. */
    long retried() {
        return retried.sum();
    }

    /** Conflicts that ended a unit of work with its failure (no attempt left, or interrupted), since the start. */
    long givenUp() {
        return givenUp.sum();
    }
}
