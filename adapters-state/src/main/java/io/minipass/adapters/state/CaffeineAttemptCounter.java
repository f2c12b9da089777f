package io.minipass.adapters.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.minipass.application.port.out.AttemptCounterPort;

import java.time.Duration;

/**
 * Attempt counts in this process's memory, each key's window expiring on its own. Bounded in size:
 * under a flood of distinct keys the least used are dropped, which can only make a budget more lenient.
 */
public final class CaffeineAttemptCounter implements AttemptCounterPort {
    private static final long DEFAULT_MAXIMUM_SIZE = 200_000;

    private final Cache<String, Window> windows;

    public CaffeineAttemptCounter() {
        this(DEFAULT_MAXIMUM_SIZE, Ticker.systemTicker());
    }

    CaffeineAttemptCounter(long maximumSize, Ticker ticker) {
        this.windows = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(new WindowExpiry())
                .ticker(ticker)
                // on the counting thread: handing maintenance to the common pool woke a thread per login (docs/design.md, ADR-17)
                .executor(Runnable::run)
                .build();
    }

    @Override
    public long count(String key) {
        Window window = windows.getIfPresent(key);
        return window == null ? 0 : window.attempts();
    }

    @Override
    public long add(String key, Duration length) {
        return windows.asMap().compute(key, (k, open) -> open == null
                ? new Window(1, length.toNanos())
                : new Window(open.attempts() + 1, open.lengthNanos())).attempts();
    }

    private record Window(long attempts, long lengthNanos) {
    }

    /** A window lasts its length from its first attempt; later attempts do not prolong it. */
    private static final class WindowExpiry implements Expiry<String, Window> {
        @Override
        public long expireAfterCreate(String key, Window window, long currentTime) {
            return window.lengthNanos();
        }

        @Override
        public long expireAfterUpdate(String key, Window window, long currentTime, long currentDuration) {
            return currentDuration;
        }

        @Override
        public long expireAfterRead(String key, Window window, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
