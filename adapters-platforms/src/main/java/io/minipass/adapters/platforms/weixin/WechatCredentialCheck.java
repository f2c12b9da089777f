package io.minipass.adapters.platforms.weixin;

import io.minipass.adapters.platforms.common.PlatformCallLimit;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.application.port.out.PlatformCallFailedException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether WeChat accepts the app id and secret, for an operator's check before a start: one call of the stable
 * token API in its normal mode, which hands out the token already valid (so a check never invalidates the
 * token a running node uses), exactly as the phone binding fetches it.
 */
public final class WechatCredentialCheck {
    private final PlatformCredentials credentials;
    private final URI baseUrl;
    private final Duration timeout;

    /** @param baseUrl null: WeChat's official API */
    public WechatCredentialCheck(PlatformCredentials credentials, URI baseUrl, Duration timeout) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.baseUrl = baseUrl == null ? WeixinPlatform.MODULE.officialBaseUrl() : baseUrl;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** @return empty when WeChat issued a token; else what went wrong, as the phone binding would answer it */
    public Optional<String> problem() {
        PlatformHttp http = new PlatformHttp(PlatformHttp.newClient(timeout), timeout, new PlatformCallLimit(1)).forServerApi();
        try {
            new WechatAccessTokens(credentials, baseUrl, http, Clock.systemUTC()).current();
            return Optional.empty();
        } catch (PlatformCallFailedException refused) {
            return Optional.of(refused.getMessage());
        }
    }
}
