package io.minipass.adapters.platforms.baidu;

import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.common.LoginSessions;
import io.minipass.adapters.platforms.common.PlatformAnswer;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformFailures;
import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.adapters.platforms.common.PlatformJson;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.LoginSession;
import io.minipass.domain.user.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exchanges a Baidu {@code swan.login} code through {@code POST /oauth/jscode2sessionkey}, form
 * {@code code, client_id=<App Key>, sk=<App Secret>}; answer {@code {openid, session_key}} or an OAuth error
 * {@code {error, error_description}} (documented with HTTP 400) or a numeric {@code errno} (docs/platforms.md#baidu).
 * Baidu documents no "busy" answer, so nothing is retried.
 */
final class BaiduLoginAdapter implements ExchangeLoginCodePort {
    static final URI OFFICIAL_BASE_URL = URI.create("https://spapi.baidu.com");
    private static final Logger LOG = LoggerFactory.getLogger(BaiduLoginAdapter.class);

    private final PlatformCredentials credentials;
    private final URI baseUrl;
    private final PlatformHttp http;

    BaiduLoginAdapter(PlatformCredentials credentials, URI baseUrl, PlatformHttp http) {
        this.credentials = credentials == null ? PlatformCredentials.NONE : credentials;
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.http = Objects.requireNonNull(http, "http");
    }

    /** The code exchange signs in with the App Key (not the App ID) and the App Secret. */
    static List<String> missing(PlatformCredentials credentials) {
        return PlatformCredentials.missing(credentials.appKey(), "appkey", credentials.appSecret(), "secret");
    }

    @Override
    public LoginSession exchange(Platform platform, String code) {
        LoginSessions.requireOwnPlatform(Platform.BAIDU, platform);
        List<String> missing = missing(credentials);
        if (!missing.isEmpty()) {
            throw PlatformFailures.notConfigured(Platform.BAIDU, missing);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code == null ? "" : code);
        form.put("client_id", credentials.appKey());
        form.put("sk", credentials.appSecret());
        PlatformAnswer answer = http.postForm(Platform.BAIDU,
                PlatformHttp.endpoint(baseUrl, "/oauth/jscode2sessionkey", Map.of()), form);
        JsonNode body = PlatformJson.object(Platform.BAIDU, answer.body());

        String error = PlatformJson.text(body, "error");
        String errno = PlatformJson.code(body, "errno");
        if (!error.isEmpty() || (!errno.isEmpty() && !errno.equals("0"))) {
            String errorCode = error.isEmpty() ? errno : error;
            String description = firstNonEmpty(PlatformJson.text(body, "error_description"),
                    PlatformJson.text(body, "errmsg"), PlatformJson.text(body, "error_msg"));
            LOG.info("baidu jscode2sessionkey refused (HTTP {}): {} {}", answer.status(), errorCode, description);
            throw PlatformFailures.loginRefused(Platform.BAIDU, errorCode, description);
        }
        return LoginSessions.of(Platform.BAIDU, PlatformJson.text(body, "openid"), "",
                PlatformJson.text(body, "session_key"));
    }

    private static String firstNonEmpty(String... values) {
        for (String value : values) {
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }
}
