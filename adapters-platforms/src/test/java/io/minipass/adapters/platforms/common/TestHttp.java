package io.minipass.adapters.platforms.common;

import java.net.http.HttpClient;
import java.time.Duration;

/** Clients for stub tests: generous for normal answers, short where a test waits for a timeout. */
public final class TestHttp {
    public static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);
    /** Longer than {@link #SHORT_TIMEOUT}, so a stub that waits this long times the call out. */
    public static final Duration STALL = Duration.ofMillis(1500);

    private TestHttp() {
    }

    public static PlatformHttp http() {
        return http(PlatformHttp.newClient(Duration.ofSeconds(2)), Duration.ofSeconds(5));
    }

    public static PlatformHttp impatientHttp() {
        return http(PlatformHttp.newClient(SHORT_TIMEOUT), SHORT_TIMEOUT);
    }

    /** On {@code client}, with a limit of its own of {@link PlatformCallLimit#DEFAULT_MAX_CONCURRENT} calls in flight. */
    public static PlatformHttp http(HttpClient client, Duration requestTimeout) {
        return new PlatformHttp(client, requestTimeout, new PlatformCallLimit(PlatformCallLimit.DEFAULT_MAX_CONCURRENT));
    }
}
