package io.minipass.adapters.platforms.phone;

import io.minipass.adapters.platforms.common.PlatformCallLimit;
import io.minipass.application.port.out.PlatformCallFailedException;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether WeChat accepts the app id and secret, for an operator's check before a start: one call of the stable
 * token API in its normal mode, which hands out the token already valid (so a check never invalidates the
 * token a running node uses), exactly as the phone binding fetches it.
 */
public final class WechatCredentialCheck {
    private final WechatApiSettings settings;
    private final HttpClient httpClient;

    public WechatCredentialCheck(WechatApiSettings settings, HttpClient httpClient) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    }

    /** @return empty when WeChat issued a token; else what went wrong, as the phone binding would answer it */
    public Optional<String> problem() {
        WechatHttp http = new WechatHttp(httpClient, settings.timeout(), new PlatformCallLimit(1));
        try {
            new WechatAccessTokens(settings, http, Clock.systemUTC()).current();
            return Optional.empty();
        } catch (PlatformCallFailedException refused) {
            return Optional.of(refused.getMessage());
        }
    }
}
