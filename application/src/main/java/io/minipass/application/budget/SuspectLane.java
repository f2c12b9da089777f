package io.minipass.application.budget;

import io.minipass.application.port.out.AttemptCounterPort;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A narrow way past a spent per-address budget, shared by the whole service: at most {@code limit} attempts
 * per {@code window} from all spent addresses together (kept where the budgets are, so in Redis across nodes).
 * It lets a real client behind an address someone else spent keep working, while what those addresses can
 * cost stays bounded (docs/security.md#attempt-budgets).
 */
public final class SuspectLane {
    private final AttemptCounterPort counter;
    private final Limit limit;
    private final String key;

    /** @param limit attempts per window; {@link Limit#CLOSED}: none pass */
    public SuspectLane(AttemptCounterPort counter, Attempt attempt, Limit limit) {
        this.counter = Objects.requireNonNull(counter, "counter");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.key = attempt.name().toLowerCase(Locale.ROOT) + ":suspect-lane";
    }

    /** Takes a place in this window's lane; false when the lane is closed or full. */
    public boolean tryEnter() {
        return limit.attempts() > 0 && counter.add(key, limit.window()) <= limit.attempts();
    }

    /** How many attempts pass per window, service-wide; 0: none. */
    public record Limit(long attempts, Duration window) {
        public static final Limit CLOSED = new Limit(0, Duration.ofSeconds(1));
        /** Suspect token look-ups: a few indexed reads a second, nothing next to the database's capacity. */
        public static final Limit TOKEN_LOOKUPS = new Limit(50, Duration.ofSeconds(1));

        public Limit {
            Objects.requireNonNull(window, "window");
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts must not be negative");
            }
            if (window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("window must be positive");
            }
        }
    }
}
