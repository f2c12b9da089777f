package io.minipass.adapters.persistence;

import java.util.concurrent.atomic.LongAdder;

/**
 * How the token cache served look-ups since start: from memory (hits) or from the database (misses), for
 * metrics. Empty or absent tokens are neither.
 */
final class TokenCacheCounts {
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    TokenCacheCounts() {
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    void hit() {
        hits.increment();
    }

    void miss() {
        misses.increment();
    }
}
