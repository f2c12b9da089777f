package io.minipass.application.budget;

import java.time.Duration;
import java.util.Objects;

/**
 * How many attempts of one kind a client address, and one openid, may make within a window.
 * A limit of 0 means no limit.
 */
public record Budget(long perAddress, long perOpenId, Duration window) {
    public static final Budget UNLIMITED = new Budget(0, 0, Duration.ofMinutes(1));

    public Budget {
        Objects.requireNonNull(window, "window");
        if (perAddress < 0 || perOpenId < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive");
        }
    }
}
