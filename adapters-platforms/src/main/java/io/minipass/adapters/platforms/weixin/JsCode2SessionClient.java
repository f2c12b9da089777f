package io.minipass.adapters.platforms.weixin;

import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.common.BusyRetry;
import io.minipass.adapters.platforms.common.BusyRetry.Attempt;
import io.minipass.adapters.platforms.common.LoginSessions;
import io.minipass.adapters.platforms.common.PlatformAnswer;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformFailures;
import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.adapters.platforms.common.PlatformJson;
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
 * WeChat's {@code GET /sns/jscode2session}, which QQ copies: query {@code appid, secret, js_code,
 * grant_type=authorization_code}; answer {@code openid, session_key, unionid?} or {@code errcode, errmsg}.
 * Success bodies usually carry no {@code errcode}: absent counts as 0. {@code errcode -1} (busy) is tried once more.
 */
public final class JsCode2SessionClient {
    private static final Logger LOG = LoggerFactory.getLogger(JsCode2SessionClient.class);
    private static final String BUSY = "-1";

    private final Platform platform;
    private final PlatformCredentials credentials;
    private final URI baseUrl;
    private final PlatformHttp http;

    public JsCode2SessionClient(Platform platform, PlatformCredentials credentials, URI baseUrl, PlatformHttp http) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.credentials = credentials == null ? PlatformCredentials.NONE : credentials;
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.http = Objects.requireNonNull(http, "http");
    }

    public LoginSession exchange(String code) {
        List<String> missing = credentials.missing("appid", "secret");
        if (!missing.isEmpty()) {
            throw PlatformFailures.notConfigured(platform, missing);
        }
        return BusyRetry.retryOnceIfBusy(() -> attempt(code == null ? "" : code));
    }

    private Attempt<LoginSession> attempt(String code) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("appid", credentials.appId());
        query.put("secret", credentials.appSecret());
        query.put("js_code", code);
        query.put("grant_type", "authorization_code");
        PlatformAnswer answer = http.get(platform, PlatformHttp.endpoint(baseUrl, "/sns/jscode2session", query));
        JsonNode body = PlatformJson.object(platform, answer.body());
        String errcode = PlatformJson.code(body, "errcode");
        if (!errcode.isEmpty() && !errcode.equals("0")) {
            String errmsg = PlatformJson.text(body, "errmsg");
            LOG.info("{} jscode2session refused (HTTP {}): errcode={} errmsg={}",
                    platform.clientType(), answer.status(), errcode, errmsg);
            PlatformCallFailedException failure = PlatformFailures.loginRefused(platform, errcode, errmsg);
            if (errcode.equals(BUSY)) {
                return new Attempt.Busy<>(failure);
            }
            throw failure;
        }
        return new Attempt.Done<>(LoginSessions.of(platform, PlatformJson.text(body, "openid"),
                PlatformJson.text(body, "unionid"), PlatformJson.text(body, "session_key")));
    }
}
