package io.minipass.adapters.platforms.common;

import io.minipass.application.port.out.SessionKeyStore;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;

/**
 * What a platform package is built from: the shop's credentials on that platform, where its API is, the one
 * platform HTTP executor, the session keys its sealed data is opened with, and the clock.
 *
 * @param baseUrl null: the platform's official API
 */
public record PlatformContext(PlatformCredentials credentials, URI baseUrl, PlatformHttp http,
                              SessionKeyStore sessionKeys, Clock clock) {
    public PlatformContext {
        credentials = credentials == null ? PlatformCredentials.NONE : credentials;
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(sessionKeys, "sessionKeys");
        Objects.requireNonNull(clock, "clock");
    }

    /** The configured base URL, else the platform's {@code official} one. */
    public URI baseUrlOr(URI official) {
        return baseUrl == null ? official : baseUrl;
    }
}
