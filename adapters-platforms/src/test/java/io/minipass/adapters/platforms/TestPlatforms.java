package io.minipass.adapters.platforms;

import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.domain.user.Platform;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** The module's entry point as tests build it. */
final class TestPlatforms {
    private TestPlatforms() {
    }

    /**
     * @param appIds      the shop's app id per platform (what WeChat-style watermarks name)
     * @param baiduAppKey Baidu's App Key (what Baidu's sealed data ends with)
     */
    static Platforms sealedFor(SessionKeyStore sessionKeys, Map<Platform, String> appIds, String baiduAppKey) {
        Map<Platform, PlatformCredentials> credentials = new EnumMap<>(Platform.class);
        appIds.forEach((platform, appId) -> credentials.put(platform, new PlatformCredentials(appId, "")));
        credentials.put(Platform.BAIDU, new PlatformCredentials(appIds.getOrDefault(Platform.BAIDU, ""), "", baiduAppKey, "", ""));
        return Platforms.create(new PlatformGatewaySettings(credentials, null, null, null), sessionKeys, Clock.systemUTC());
    }

    /** WeChat configured with {@code appId} and {@code secret} at {@code baseUrl}, the others with app ids only. */
    static Platforms withWechatAt(URI baseUrl, String appId, String secret, Duration timeout, Map<Platform, String> otherAppIds,
                                  String baiduAppKey, SessionKeyStore sessionKeys, Clock clock) {
        Map<Platform, PlatformCredentials> credentials = new EnumMap<>(Platform.class);
        otherAppIds.forEach((platform, id) -> credentials.put(platform, new PlatformCredentials(id, "")));
        credentials.put(Platform.WEIXIN, new PlatformCredentials(appId, secret));
        credentials.put(Platform.BAIDU, new PlatformCredentials("", "", baiduAppKey, "", ""));
        return Platforms.create(new PlatformGatewaySettings(credentials, new PlatformEndpoints(Map.of(Platform.WEIXIN, baseUrl)),
                Duration.ofSeconds(2), timeout), sessionKeys, clock);
    }
}
