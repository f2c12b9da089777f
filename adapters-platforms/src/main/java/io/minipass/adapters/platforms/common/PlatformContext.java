package io.minipass.adapters.platforms.common;

import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.domain.user.Platform;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What a platform package is built from: the platform, the shop's credentials on it and the names of those its
 * calls need and lack, where its API is (configured or official), the one platform HTTP executor, the session
 * keys its sealed data is opened with, and the clock.
 */
public record PlatformContext(Platform platform, PlatformCredentials credentials, List<String> missingCredentials,
                              URI baseUrl, PlatformHttp http, SessionKeyStore sessionKeys, Clock clock) {
    public PlatformContext {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(credentials, "credentials");
        missingCredentials = List.copyOf(missingCredentials);
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(sessionKeys, "sessionKeys");
        Objects.requireNonNull(clock, "clock");
    }
}
