package io.minipass.bootstrap.wiring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts join the sequence as they open; a stop and a start that fails close them in the reverse order. */
class ShutdownSequenceTest {
    private final List<String> closed = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ShutdownSequence.class);

    @BeforeEach
    void captureLog() {
        logged.start();
        logger.addAppender(logged);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
        logger.setLevel(null);
    }

    private ShutdownSequence opened(String... parts) {
        ShutdownSequence sequence = new ShutdownSequence();
        for (String part : parts) {
            sequence.add(part, () -> closed.add(part));
        }
        return sequence;
    }

    @Test
    void a_stop_closes_the_last_opened_first_and_says_how_long_each_took() {
        ShutdownSequence sequence = opened("metrics", "database pool", "HTTP server");
        sequence.run();
        sequence.run();
        assertThat(closed).containsExactly("HTTP server", "database pool", "metrics");
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .allMatch(line -> line.matches("Stopped (HTTP server|database pool|metrics) in \\d+ ms")).hasSize(3);
    }

    @Test
    void a_start_that_failed_closes_what_it_had_opened_quietly_and_goes_on_past_a_part_that_fails() {
        ShutdownSequence sequence = opened("metrics", "shared state");
        sequence.add("management port", () -> {
            throw new IllegalStateException("already closed");
        });
        sequence.undo();
        sequence.run();
        assertThat(closed).containsExactly("shared state", "metrics");
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("Stopping management port failed: java.lang.IllegalStateException: already closed");
    }
}
