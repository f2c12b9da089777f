package io.minipass.adapters.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a request may wait on the database before it is answered as a storage failure. Each is
 * at least {@value #MIN_MILLIS} ms and at most {@value #MAX_MINUTES} minutes.
 *
 * @param connect  opening a connection to MySQL/MariaDB (Connector/J's {@code connectTimeout}); H2 is in the process
 * @param query    any wait for the server's answer on an open connection (Connector/J's {@code socketTimeout}), so
 *                 a stalled server or network is noticed and a statement never runs longer; on H2 the statement
 *                 timeout (MyBatis' default), so a statement waiting on a lock is given up
 * @param poolWait waiting for a pooled connection (HikariCP's {@code connectionTimeout}): a dead database is
 *                 answered after this long
 */
public record DatabaseTimeouts(Duration connect, Duration query, Duration poolWait) {
    public static final DatabaseTimeouts DEFAULTS =
            new DatabaseTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2));
    static final long MIN_MILLIS = 250;
    static final long MAX_MINUTES = 10;

    public DatabaseTimeouts {
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
