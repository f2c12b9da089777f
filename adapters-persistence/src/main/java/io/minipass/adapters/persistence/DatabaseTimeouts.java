package io.minipass.adapters.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * The timeouts of {@link DatabaseSettings} (what each bounds is said there), each at least {@value #MIN_MILLIS} ms
 * and at most {@value #MAX_MINUTES} minutes.
 */
record DatabaseTimeouts(Duration connect, Duration query, Duration poolWait) {
    static final long MIN_MILLIS = 250;
    static final long MAX_MINUTES = 10;

    DatabaseTimeouts {
        check("connect", connect);
        check("query", query);
        check("pool wait", poolWait);
    }

    private static void check(String name, Duration timeout) {
        Objects.requireNonNull(timeout, name);
        if (timeout.toMillis() < MIN_MILLIS || timeout.compareTo(Duration.ofMinutes(MAX_MINUTES)) > 0) {
            throw new IllegalArgumentException("database " + name + " timeout must be from " + MIN_MILLIS
                    + " ms to " + MAX_MINUTES + " minutes: " + timeout);
        }
    }

    /** MyBatis and JDBC count statement timeouts in whole seconds: this one, rounded up. */
    int querySeconds() {
        return (int) Math.max(1, (query.toMillis() + 999) / 1000);
    }
}
