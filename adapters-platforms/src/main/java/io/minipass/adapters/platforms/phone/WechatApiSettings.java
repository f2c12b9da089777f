package io.minipass.adapters.platforms.phone;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach WeChat's server API for phone numbers: base URL (a local stub in tests), the mini-program's
 * app id and secret, and how long one HTTP exchange may take (WeChat documents none).
 */
public record WechatApiSettings(URI baseUrl, String appId, String secret, Duration timeout) {
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.weixin.qq.com");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public WechatApiSettings {
        baseUrl = baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
        appId = appId == null ? "" : appId.trim();
        secret = secret == null ? "" : secret.trim();
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    public static WechatApiSettings of(String appId, String secret) {
        return new WechatApiSettings(DEFAULT_BASE_URL, appId, secret, DEFAULT_TIMEOUT);
    }

    public boolean isConfigured() {
        return !appId.isEmpty() && !secret.isEmpty();
    }

    /** The URL of an API path such as {@code /cgi-bin/stable_token}, below the base URL's own path. */
    URI resolve(String path) {
        String base = baseUrl.toString();
        String joined = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
        return URI.create(joined);
    }

    @Override
    public String toString() {
        return "WechatApiSettings[baseUrl=" + baseUrl + ", appId=" + appId + ", secret=" + (secret.isEmpty() ? "" : "***")
                + ", timeout=" + timeout + "]";
    }
}
