package io.minipass.adapters.platforms.common;

import java.time.Duration;

/** Clients for stub tests: generous for normal answers, short where a test waits for a timeout. */
public final class TestHttp {
    public static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);
    /** Longer than {@link #SHORT_TIMEOUT}, so a stub that waits this long times the call out. */
    public static final Duration STALL = Duration.ofMillis(1500);

    private TestHttp() {
    }

    public static PlatformHttp http() {
        return new PlatformHttp(PlatformHttp.newClient(Duration.ofSeconds(2)), Duration.ofSeconds(5));
    }

    public static PlatformHttp impatientHttp() {
        return new PlatformHttp(PlatformHttp.newClient(SHORT_TIMEOUT), SHORT_TIMEOUT);
    }
}
