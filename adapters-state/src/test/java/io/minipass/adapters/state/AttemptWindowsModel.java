package io.minipass.adapters.state;

import java.util.HashMap;
import java.util.Map;

/**
 * The attempt counter port's rule written out plainly, for properties to hold the counters to: a key's window
 * opens with its first attempt and lasts its length; at or after its end counting starts again from zero.
 */
public final class AttemptWindowsModel {
    private record Window(long attempts, long endsAtNanos) {
    }

    private final Map<String, Window> windows = new HashMap<>();

    public long count(String key, long nowNanos) {
        Window window = windows.get(key);
        return window == null || nowNanos >= window.endsAtNanos() ? 0 : window.attempts();
    }

    public long add(String key, long lengthNanos, long nowNanos) {
        Window window = windows.get(key);
        Window next = window == null || nowNanos >= window.endsAtNanos()
                ? new Window(1, nowNanos + lengthNanos)
                : new Window(window.attempts() + 1, window.endsAtNanos());
        windows.put(key, next);
        return next.attempts();
    }
}
