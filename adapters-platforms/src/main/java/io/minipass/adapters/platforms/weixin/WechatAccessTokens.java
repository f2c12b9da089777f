package io.minipass.adapters.platforms.weixin;

import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformFailures;
import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.adapters.platforms.common.PlatformJson;
import io.minipass.domain.user.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
    private static final String FAILED = "获取access_token失败";

    private final PlatformCredentials credentials;
    private final URI baseUrl;
    private final PlatformHttp http;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile Token cached;

    WechatAccessTokens(PlatformCredentials credentials, URI baseUrl, PlatformHttp http, Clock clock) {
        this.credentials = credentials;
        this.baseUrl = baseUrl;
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
        Map<String, String> request = new LinkedHashMap<>();
        request.put("grant_type", "client_credential");
        request.put("appid", credentials.appId());
        request.put("secret", credentials.appSecret());
        JsonNode reply = http.object(Platform.WEIXIN,
                http.postJson(Platform.WEIXIN, PlatformHttp.endpoint(baseUrl, "/cgi-bin/stable_token", Map.of()), request));
        String errcode = WechatErrors.errcode(reply);
        String value = PlatformJson.text(reply, "access_token");
        if (!errcode.equals("0") || value.isEmpty()) {
            log.warn("WeChat stable_token refused: errcode={}", errcode);
            throw errcode.equals("0")
                    ? PlatformFailures.refused(Platform.WEIXIN, FAILED, "未返回access_token", "")
                    : PlatformFailures.refused(Platform.WEIXIN, FAILED, errcode, PlatformJson.text(reply, "errmsg"));
        }
        long expiresIn = expiresIn(reply.get("expires_in"));
        long usable = Math.max(expiresIn - REFRESH_MARGIN, expiresIn / 2);
        Token token = new Token(value, now.plus(Duration.ofSeconds(usable)));
        cached = token;
        return token;
    }

    private static long expiresIn(JsonNode value) {
        try {
            long seconds = value == null ? DEFAULT_EXPIRES_IN
                    : value.isNumber() ? value.longValue() : Long.parseLong(value.asText().trim());
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
