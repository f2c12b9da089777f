package io.minipass.adapters.platforms;

import io.minipass.adapters.platforms.common.PlatformCallLimit;
import io.minipass.adapters.platforms.common.PlatformContext;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.adapters.platforms.common.PlatformModule;
import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.domain.user.Platform;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The module's entry point and one platform's parts, as tests build them. */
public final class TestPlatforms {
    /** No platform configured, official endpoints, default timeouts. */
    static final PlatformGatewaySettings NO_SETTINGS = new PlatformGatewaySettings(null, null, null, null);

    private TestPlatforms() {
    }

    /** Every platform's adapters on a new client, at most {@link PlatformCallLimit#DEFAULT_MAX_CONCURRENT} calls at once. */
    static Platforms create(PlatformGatewaySettings settings, SessionKeyStore sessionKeys, Clock clock) {
        return create(settings, sessionKeys, clock, EnumSet.noneOf(Platform.class));
    }

    static Platforms create(PlatformGatewaySettings settings, SessionKeyStore sessionKeys, Clock clock,
                            Set<Platform> developmentLogins) {
        return Platforms.create(settings, PlatformHttp.newClient(settings.connectTimeout()),
                new PlatformCallLimit(PlatformCallLimit.DEFAULT_MAX_CONCURRENT), sessionKeys, clock, developmentLogins);
    }

    /** Every platform at one base URL, as a local stub or a forwarding proxy serves them. */
    static PlatformEndpoints allAt(URI base) {
        Map<Platform, URI> all = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            all.put(platform, base);
        }
        return new PlatformEndpoints(all);
    }

    /** One platform's adapters, as the platforms' router holds them. */
    static PlatformParts parts(Platforms platforms, Platform platform) {
        return ((PlatformRouter) platforms.userData()).parts(platform);
    }

    /** One platform's code exchange at {@code baseUrl}; null credentials are none. */
    public static PlatformParts.Login login(Platform platform, PlatformCredentials credentials, URI baseUrl,
                                            PlatformHttp http, Clock clock) {
        PlatformModule module = Platforms.module(platform);
        PlatformCredentials given = credentials == null ? PlatformCredentials.NONE : credentials;
        return module.parts().apply(new PlatformContext(platform, given, module.missingCredentials().apply(given),
                baseUrl, http, new InMemorySessionKeys(), clock)).login();
    }

    public static PlatformParts.Login login(Platform platform, PlatformCredentials credentials, URI baseUrl, PlatformHttp http) {
        return login(platform, credentials, baseUrl, http, Clock.systemUTC());
    }

    /**
     * @param appIds      the shop's app id per platform (what WeChat-style watermarks name)
     * @param baiduAppKey Baidu's App Key (what Baidu's sealed data ends with)
     */
    static Platforms sealedFor(SessionKeyStore sessionKeys, Map<Platform, String> appIds, String baiduAppKey) {
        Map<Platform, PlatformCredentials> credentials = new EnumMap<>(Platform.class);
        appIds.forEach((platform, appId) -> credentials.put(platform, new PlatformCredentials(appId, "")));
        credentials.put(Platform.BAIDU, new PlatformCredentials(appIds.getOrDefault(Platform.BAIDU, ""), "", baiduAppKey, "", ""));
        return create(new PlatformGatewaySettings(credentials, null, null, null), sessionKeys, Clock.systemUTC());
    }

    /** WeChat configured with {@code appId} and {@code secret} at {@code baseUrl}, the others with app ids only. */
    static Platforms withWechatAt(URI baseUrl, String appId, String secret, Duration timeout, Map<Platform, String> otherAppIds,
                                  String baiduAppKey, SessionKeyStore sessionKeys, Clock clock) {
        Map<Platform, PlatformCredentials> credentials = new EnumMap<>(Platform.class);
        otherAppIds.forEach((platform, id) -> credentials.put(platform, new PlatformCredentials(id, "")));
        credentials.put(Platform.WEIXIN, new PlatformCredentials(appId, secret));
        credentials.put(Platform.BAIDU, new PlatformCredentials("", "", baiduAppKey, "", ""));
        return create(new PlatformGatewaySettings(credentials, new PlatformEndpoints(Map.of(Platform.WEIXIN, baseUrl)),
                Duration.ofSeconds(2), timeout), sessionKeys, clock);
    }
}
