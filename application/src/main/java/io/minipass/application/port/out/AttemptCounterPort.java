package io.minipass.application.port.out;

import java.time.Duration;

/**
 * Counts attempts per key in fixed windows: a key's window opens with its first attempt and lasts
 * the given time, after which counting starts again from zero.
 */
public interface AttemptCounterPort {
    /** The attempts counted in the key's open window; 0 when none is open. */
    long count(String key);

    /**
     * Counts one attempt, opening a window of this length when none is open.
     *
     * @return the attempts in the window, this one included
     */
    long add(String key, Duration window);
}
