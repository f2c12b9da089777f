package io.minipass.adapters.platforms.toutiao;

import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.common.BusyRetry;
import io.minipass.adapters.platforms.common.BusyRetry.Attempt;
import io.minipass.adapters.platforms.common.LoginSessions;
import io.minipass.adapters.platforms.common.PlatformAnswer;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformFailures;
import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.adapters.platforms.common.PlatformJson;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.LoginSession;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exchanges a Toutiao/Douyin {@code tt.login} code through {@code POST /api/apps/v2/jscode2session}, JSON body
 * {@code {appid, secret, code}}; answer {@code {err_no, err_tips, data:{openid, session_key, unionid,
 * anonymous_openid}}} (docs/platforms.md#toutiao). The legacy {@code {errcode, errmsg}} error shape is read too.
 * {@code -1} (system error) is tried once more.
 */
final class ToutiaoLoginAdapter implements ExchangeLoginCodePort {
    static final URI OFFICIAL_BASE_URL = URI.create("https://developer.toutiao.com");
    private static final Logger LOG = LoggerFactory.getLogger(ToutiaoLoginAdapter.class);
    private static final String BUSY = "-1";

    private final PlatformCredentials credentials;
    private final URI baseUrl;
    private final PlatformHttp http;

    ToutiaoLoginAdapter(PlatformCredentials credentials, URI baseUrl, PlatformHttp http) {
        this.credentials = credentials == null ? PlatformCredentials.NONE : credentials;
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public LoginSession exchange(Platform platform, String code) {
        LoginSessions.requireOwnPlatform(Platform.TOUTIAO, platform);
        List<String> missing = credentials.missing("appid", "secret");
        if (!missing.isEmpty()) {
            throw PlatformFailures.notConfigured(Platform.TOUTIAO, missing);
        }
        return BusyRetry.retryOnceIfBusy(() -> attempt(code == null ? "" : code));
    }

    private Attempt<LoginSession> attempt(String code) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("appid", credentials.appId());
        request.put("secret", credentials.appSecret());
        request.put("code", code);
        PlatformAnswer answer = http.postJson(Platform.TOUTIAO,
                PlatformHttp.endpoint(baseUrl, "/api/apps/v2/jscode2session", Map.of()), request);
        JsonNode body = PlatformJson.object(Platform.TOUTIAO, answer.body());
        boolean v2 = PlatformJson.has(body, "err_no");
        String error = PlatformJson.code(body, v2 ? "err_no" : "errcode");
        if (!error.isEmpty() && !error.equals("0")) {
            String tips = PlatformJson.text(body, v2 ? "err_tips" : "errmsg");
            LOG.info("toutiao jscode2session refused (HTTP {}): {}={} tips={} log_id={}", answer.status(),
                    v2 ? "err_no" : "errcode", error, tips, PlatformJson.text(body, "log_id"));
            PlatformCallFailedException failure = PlatformFailures.loginRefused(Platform.TOUTIAO, error, tips);
            if (error.equals(BUSY)) {
                return new Attempt.Busy<>(failure);
            }
            throw failure;
        }
        JsonNode data = body.path("data");
        if (!data.isObject()) {
            throw PlatformFailures.missingOpenId(Platform.TOUTIAO);
        }
        return new Attempt.Done<>(LoginSessions.of(Platform.TOUTIAO, PlatformJson.text(data, "openid"),
                PlatformJson.text(data, "unionid"), PlatformJson.text(data, "session_key")));
    }
}
