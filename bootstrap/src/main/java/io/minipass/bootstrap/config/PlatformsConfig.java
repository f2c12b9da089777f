package io.minipass.bootstrap.config;

import io.minipass.adapters.platforms.Platforms;
import io.minipass.adapters.platforms.common.PlatformCallLimit;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.domain.user.Platform;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Each platform's app credentials and API base URL ({@code MINIPASS_WEIXIN_APPID}, ...), the timeout
 * for platform calls, WeChat's one-step registration, and how many platform calls may be in flight at
 * once ({@code MINIPASS_PLATFORM_MAX_CONCURRENT}).
 */
public record PlatformsConfig(Map<Platform, App> apps, Duration timeout, boolean weixinAutoRegister,
                              int maxConcurrentCalls) {

    /**
     * One platform's app. Baidu also has an App Key (its code exchange and decryption use it);
     * Alipay signs with the app's private key and checks answers with Alipay's public key.
     *
     * @param baseUrl null: the platform's official API
     */
    public record App(String appId, String secret, String appKey, String privateKey, String publicKey, URI baseUrl) {
        /** Whether the app has what the platform's calls need (the platform's package decides). */
        public boolean isConfigured(Platform platform) {
            return Platforms.isConfigured(platform, credentials());
        }

        public PlatformCredentials credentials() {
            return new PlatformCredentials(appId, secret, appKey, privateKey, publicKey);
        }

        @Override
        public String toString() {
            return "App[appId=" + appId + ", baseUrl=" + baseUrl + "]";
        }
    }

    public App app(Platform platform) {
        return apps.get(platform);
    }

    /** The platforms whose credentials are set (whatever their base URL: a proxy may front the real platform). */
    public Set<Platform> configured() {
        Set<Platform> configured = EnumSet.noneOf(Platform.class);
        apps.forEach((platform, app) -> {
            if (app.isConfigured(platform)) {
                configured.add(platform);
            }
        });
        return configured;
    }

    static PlatformsConfig load(SettingParser settings) {
        Map<Platform, App> apps = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            String prefix = platform.clientType() + ".";
            String base = settings.text(prefix + "base.url", "");
            URI baseUrl;
            try {
                baseUrl = base.isEmpty() ? null : URI.create(base);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(ConfigSource.envName(prefix + "base.url") + " is not a URL: " + base);
            }
            apps.put(platform, new App(settings.text(prefix + "appid", ""), settings.text(prefix + "secret", ""),
                    settings.text(prefix + "appkey", ""), settings.text(prefix + "private.key", ""),
                    settings.text(prefix + "public.key", ""), baseUrl));
        }
        Duration timeout = settings.duration("platform.timeout", Duration.ofSeconds(5));
        if (timeout.isZero()) {
            throw new ConfigException(ConfigSource.envName("platform.timeout") + " must be longer than 0");
        }
        return new PlatformsConfig(apps, timeout, settings.flag("weixin.auto.register", true),
                settings.integer("platform.max.concurrent", PlatformCallLimit.DEFAULT_MAX_CONCURRENT, 1, 10_000));
    }
}
