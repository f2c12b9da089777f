package io.minipass.adapters.platforms;

import io.minipass.domain.user.Platform;

import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where platforms' APIs live when not at their official address ({@code PlatformModule#officialBaseUrl}): scheme,
 * host and optional path prefix, without the API's own path (e.g. {@code https://api.weixin.qq.com}). Such
 * values serve sandboxes (Alipay's {@code https://openapi-sandbox.dl.alipaydev.com}), proxies and local stubs.
 */
public record PlatformEndpoints(Map<Platform, URI> baseUrls) {
    /** Every platform at its official address. */
    public static final PlatformEndpoints OFFICIAL = new PlatformEndpoints(Map.of());

    /** A missing value means the official one; anything else must be an absolute http(s) URL with a host. */
    public PlatformEndpoints {
        Map<Platform, URI> checked = new EnumMap<>(Platform.class);
        if (baseUrls != null) {
            baseUrls.forEach((platform, base) -> {
                if (platform != null && base != null) {
                    checked.put(platform, checked(base));
                }
            });
        }
        baseUrls = Collections.unmodifiableMap(checked);
    }

    /** The configured base URL; empty: the official one. */
    public Optional<URI> of(Platform platform) {
        return Optional.ofNullable(baseUrls.get(platform));
    }

    private static URI checked(URI base) {
        String scheme = base.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || base.getHost() == null
                || base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException("platform base URL must be http(s)://host[:port][/prefix]: " + base);
        }
        return base;
    }
}
