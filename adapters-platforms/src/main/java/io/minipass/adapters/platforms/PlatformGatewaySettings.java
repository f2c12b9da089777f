package io.minipass.adapters.platforms;

import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.domain.user.Platform;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything the platform adapters are built from. A platform whose credentials are missing (absent or empty)
 * still gets adapters, which answer every call with "not configured" before touching the network.
 *
 * @param credentials    per platform; absent means {@link PlatformCredentials#NONE}
 * @param endpoints      base URLs; null means {@link PlatformEndpoints#OFFICIAL}
 * @param connectTimeout how long to wait for a connection; null means 5 s
 * @param requestTimeout how long one call may take in all; null means 5 s
 */
public record PlatformGatewaySettings(
        Map<Platform, PlatformCredentials> credentials,
        PlatformEndpoints endpoints,
        Duration connectTimeout,
        Duration requestTimeout) {

    public PlatformGatewaySettings {
        Map<Platform, PlatformCredentials> all = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            PlatformCredentials given = credentials == null ? null : credentials.get(platform);
            all.put(platform, given == null ? PlatformCredentials.NONE : given);
        }
        credentials = Collections.unmodifiableMap(all);
        endpoints = endpoints == null ? PlatformEndpoints.OFFICIAL : endpoints;
        connectTimeout = connectTimeout == null ? PlatformHttp.DEFAULT_TIMEOUT : connectTimeout;
        requestTimeout = requestTimeout == null ? PlatformHttp.DEFAULT_TIMEOUT : requestTimeout;
    }

    public PlatformCredentials credentials(Platform platform) {
        return credentials.get(platform);
    }
}
