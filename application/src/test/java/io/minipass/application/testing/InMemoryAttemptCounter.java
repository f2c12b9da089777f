package io.minipass.application.testing;

import io.minipass.application.port.out.AttemptCounterPort;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Attempt windows in a map, timed by a clock the test controls. */
public class InMemoryAttemptCounter implements AttemptCounterPort {
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryAttemptCounter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long count(String key) {
        Window window = windows.get(key);
        return window == null || window.closedBy(clock.millis()) ? 0 : window.attempts();
    }

    @Override
    public long add(String key, Duration length) {
        long now = clock.millis();
        return windows.compute(key, (k, open) -> open == null || open.closedBy(now)
                ? new Window(1, now + length.toMillis())
                : new Window(open.attempts() + 1, open.endsAtMillis())).attempts();
    }

    private record Window(long attempts, long endsAtMillis) {
        boolean closedBy(long nowMillis) {
            return nowMillis >= endsAtMillis;
        }
    }
}
