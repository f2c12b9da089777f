package io.minipass.adapters.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Tells the log how an outage of the database goes, in a few lines rather than one per request
 * (the web adapter logs each failed request in one line): while it lasts, at most one summary per
 * {@code summaryEvery} ("database unavailable for 12 s, 340 requests failed"), and one line when the
 * first operation succeeds again. Each failed request counts once: its first storage failure ends it.
 */
final class StorageOutage {
    static final Duration SUMMARY_EVERY = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(StorageOutage.class);

    private final LongSupplier nanoTime;
    private final long summaryEveryNanos;
    private volatile boolean down;
    private long startedAt;
    private long summarizedAt;
    private long failures;
    private String lastCause = "";

    StorageOutage() {
        this(System::nanoTime, SUMMARY_EVERY);
    }

    StorageOutage(LongSupplier nanoTime, Duration summaryEvery) {
        this.nanoTime = nanoTime;
        this.summaryEveryNanos = summaryEvery.toNanos();
    }

    /** An operation failed because the database could not be reached or did not answer in time. */
    synchronized void failed(String cause) {
        long now = nanoTime.getAsLong();
        if (!down) {
            down = true;
            startedAt = now;
            summarizedAt = now;
            failures = 0;
        }
        failures++;
        lastCause = cause;
        if (now - summarizedAt >= summaryEveryNanos) {
            summarizedAt = now;
            LOG.warn("Database unavailable for {} s, {} requests failed; last cause {}",
                    seconds(now - startedAt), failures, lastCause);
        }
    }

    /** An operation reached the database: ends an outage, if one was going on. */
    void succeeded() {
        if (!down) {
            return;
        }
        synchronized (this) {
            if (down) {
                down = false;
                LOG.info("Database available again after {} s; {} requests failed meanwhile",
                        seconds(nanoTime.getAsLong() - startedAt), failures);
            }
        }
    }

    private static long seconds(long nanos) {
        return Math.round(nanos / 1e9);
    }
}
