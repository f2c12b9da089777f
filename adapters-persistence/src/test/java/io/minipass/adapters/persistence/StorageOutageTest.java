package io.minipass.adapters.persistence;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** An outage in a few log lines: a summary at most every so often while it lasts, and one when it ends. */
class StorageOutageTest {
    private final AtomicLong nanos = new AtomicLong();
    private final StorageOutage outage = new StorageOutage(nanos::get, Duration.ofSeconds(10));
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(StorageOutage.class);

    private Level level;

    @BeforeEach
    void capture() {
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void release() {
        logger.detachAppender(log);
        logger.setLevel(level);
    }

    @Test
    void while_it_lasts_at_most_one_summary_per_interval_then_one_line_when_it_ends() {
        outage.succeeded();
        for (int second = 0; second < 25; second++) {
            nanos.set(Duration.ofSeconds(second).toNanos());
            for (int request = 0; request < 10; request++) {
                outage.failed("SQLTransientConnectionException: timed out");
            }
        }
        nanos.set(Duration.ofSeconds(26).toNanos());
        outage.succeeded();
        outage.succeeded();

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Database unavailable for 10 s, 101 requests failed; last cause SQLTransientConnectionException: timed out",
                "Database unavailable for 20 s, 201 requests failed; last cause SQLTransientConnectionException: timed out",
                "Database available again after 26 s; 250 requests failed meanwhile");
        assertThat(log.list).allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
    }

    @Test
    void a_new_outage_counts_afresh() {
        outage.failed("first");
        nanos.set(Duration.ofSeconds(3).toNanos());
        outage.succeeded();
        nanos.set(Duration.ofSeconds(100).toNanos());
        outage.failed("second");
        nanos.set(Duration.ofSeconds(102).toNanos());
        outage.succeeded();

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Database available again after 3 s; 1 requests failed meanwhile",
                "Database available again after 2 s; 1 requests failed meanwhile");
    }
}
