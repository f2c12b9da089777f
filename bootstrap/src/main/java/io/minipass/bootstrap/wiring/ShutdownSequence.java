package io.minipass.bootstrap.wiring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a stop closes, in the reverse order of {@link #add}: the HTTP server, added last, is closed first and
 * finishes the requests in flight before anything they use (the database pool, the shared state) is closed. A step that fails is
 * logged and the next still runs. Running it twice does nothing the second time.
 */
final class ShutdownSequence {
    private static final Logger log = LoggerFactory.getLogger(ShutdownSequence.class);

    private record Step(String name, AutoCloseable resource) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    private boolean done;

    /** @param name what the log calls it ({@code database pool}, {@code redis}, ...) */
    synchronized ShutdownSequence add(String name, AutoCloseable resource) {
        steps.push(new Step(name, resource));
        return this;
    }

    /** A stop: closes each part, saying how long it took. */
    synchronized void run() {
        close(true);
    }

    /** A start that failed: closes what it had opened, quietly but for a part that fails to close. */
    synchronized void undo() {
        close(false);
    }

    private void close(boolean sayHowLong) {
        if (done) {
            return;
        }
        done = true;
        for (Step step : steps) {
            long started = System.nanoTime();
            try {
                step.resource().close();
                if (sayHowLong) {
                    log.info("Stopped {} in {} ms", step.name(), (System.nanoTime() - started) / 1_000_000);
                }
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", step.name(), e.toString());
            }
        }
        steps.clear();
    }
}
