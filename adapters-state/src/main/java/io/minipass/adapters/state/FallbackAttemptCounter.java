package io.minipass.adapters.state;

import io.minipass.application.port.out.AttemptCounterPort;
import io.minipass.application.port.out.SharedStateUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts attempts in the shared counter (Redis), and in this node's own while the shared one does not
 * answer: budgets then hold per node instead of across nodes, and the calls that only need a budget
 * (token look-ups, returning logins) keep working. One line is logged when the fallback starts and
 * one when the shared counter answers again, not one per attempt.
 */
public final class FallbackAttemptCounter implements AttemptCounterPort {
    private static final Logger log = LoggerFactory.getLogger(FallbackAttemptCounter.class);

    private final AttemptCounterPort shared;
    private final AttemptCounterPort local;
    private final AtomicBoolean fallingBack = new AtomicBoolean();

    public FallbackAttemptCounter(AttemptCounterPort shared, AttemptCounterPort local) {
        this.shared = shared;
        this.local = local;
    }

    @Override
    public long count(String key) {
        try {
            long count = shared.count(key);
            answered();
            return count;
        } catch (SharedStateUnavailableException unavailable) {
            fallBack(unavailable);
            return local.count(key);
        }
    }

    @Override
    public long add(String key, Duration window) {
        try {
            long count = shared.add(key, window);
            answered();
            return count;
        } catch (SharedStateUnavailableException unavailable) {
            fallBack(unavailable);
            return local.add(key, window);
        }
    }

    private void fallBack(SharedStateUnavailableException unavailable) {
        if (fallingBack.compareAndSet(false, true)) {
            log.warn("Attempt budgets are counted on this node alone until shared state answers again: {}",
                    unavailable.getMessage());
        }
    }

    private void answered() {
        if (fallingBack.get() && fallingBack.compareAndSet(true, false)) {
            log.info("Attempt budgets are counted in shared state again");
        }
    }
}
