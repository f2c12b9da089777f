package io.minipass.adapters.web;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes that all request bodies being received or answered hold together, up to one limit for the whole
 * service, so that many connections cannot add up past the heap (docs/security.md). A body that would go beyond it
 * is refused.
 */
final class BodyMemory {
    /** The share of the heap bodies may hold when nothing else is said: 1/16, 32 MB under {@code -Xmx512m}. */
    static final int HEAP_SHARE = 16;

    private final long limit;
    private final AtomicLong held = new AtomicLong();

    BodyMemory(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
    }

    /** A sixteenth of this JVM's heap, but never less than the room for two bodies of {@code maxBodyBytes}. */
    static BodyMemory shareOfHeap(long maxBodyBytes) {
        return new BodyMemory(Math.max(Runtime.getRuntime().maxMemory() / HEAP_SHARE, 2 * maxBodyBytes));
    }

    /** Takes {@code bytes} more, or nothing and false when that would go beyond the limit. */
    boolean reserve(long bytes) {
        while (true) {
            long now = held.get();
            if (now + bytes > limit) {
                return false;
            }
            if (held.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        held.addAndGet(-bytes);
    }

    long held() {
        return held.get();
    }
}
