package io.minipass.adapters.platforms.common;

import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;

import java.util.concurrent.Semaphore;

/**
 * A bulkhead: at most so many platform calls in flight at once, whatever the platform. One more fails at once
 * as "busy" instead of waiting, so a slow platform cannot hold every thread of the server.
 */
public final class PlatformCallLimit {
    /** Well below the 250 threads of the HTTP server, which must stay free for requests that need no platform. */
    public static final int DEFAULT_MAX_CONCURRENT = 100;

    private final Semaphore permits;

    public PlatformCallLimit(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
        this.permits = new Semaphore(maxConcurrent);
    }

    /** A place for one call, to close when the call is over. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** @throws PlatformCallFailedException ({@code 微信接口繁忙，请稍后再试}) when no place is free */
    public Permit enter(Platform platform) {
        if (!permits.tryAcquire()) {
            throw PlatformFailures.busy(platform);
        }
        return permits::release;
    }
}
