package io.minipass.adapters.platforms.phone;

import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The mini-program's access token from WeChat's stable token API ({@code POST /cgi-bin/stable_token},
 * normal mode: the same token while it is valid, so several nodes fetching do not invalidate each
 * other). Cached until shortly before it expires; one fetch at a time, callers waiting for it reuse its result.
 */
final class WechatAccessTokens {
    private static final Logger log = LoggerFactory.getLogger(WechatAccessTokens.class);
    private static final long DEFAULT_EXPIRES_IN = 300;
    private static final long REFRESH_MARGIN = 120;

    private final WechatApiSettings settings;
    private final WechatHttp http;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile Token cached;

    WechatAccessTokens(WechatApiSettings settings, WechatHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    /** A token believed valid: the cached one, or a freshly fetched one. */
    String current() {
        Token token = cached;
        if (token != null && token.isFreshAt(clock.instant())) {
            return token.value();
        }
        fetching.lock();
        try {
            token = cached;
            if (token != null && token.isFreshAt(clock.instant())) {
                return token.value();
            }
            return fetchAndCache().value();
        } finally {
            fetching.unlock();
        }
    }

    /**
     * A token to use instead of one WeChat rejected as invalid or expired. When another caller has
     * replaced the rejected token already, that replacement is used without fetching again.
     */
    String replace(String rejected) {
        fetching.lock();
        try {
            Token token = cached;
            if (token != null && !token.value().equals(rejected) && token.isFreshAt(clock.instant())) {
                return token.value();
            }
            cached = null;
            return fetchAndCache().value();
        } finally {
            fetching.unlock();
        }
    }

    private Token fetchAndCache() {
        Instant now = clock.instant();
        WechatReply reply = http.postJson(settings.resolve("/cgi-bin/stable_token"), Map.of(
                "grant_type", "client_credential",
                "appid", settings.appId(),
                "secret", settings.secret()), "stable_token");
        String value = reply.text("access_token");
        if (!reply.isSuccess() || value.isEmpty()) {
            String label = reply.isSuccess() ? "[未返回access_token]" : reply.errorLabel();
            log.warn("WeChat stable_token refused: {}", label);
            throw new PlatformCallFailedException(Platform.WEIXIN, "微信获取access_token失败" + label);
        }
        long expiresIn = expiresIn(reply.body().get("expires_in"));
        long usable = Math.max(expiresIn - REFRESH_MARGIN, expiresIn / 2);
        Token token = new Token(value, now.plus(Duration.ofSeconds(usable)));
        cached = token;
        return token;
    }

    private static long expiresIn(Object value) {
        try {
            long seconds = value instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(value).trim());
            return seconds > 0 ? seconds : DEFAULT_EXPIRES_IN;
        } catch (NumberFormatException unreadable) {
            return DEFAULT_EXPIRES_IN;
        }
    }

    private record Token(String value, Instant refreshAt) {
        boolean isFreshAt(Instant now) {
            return now.isBefore(refreshAt);
        }

        @Override
        public String toString() {
            return "Token[refreshAt=" + refreshAt + "]";
        }
    }
}
