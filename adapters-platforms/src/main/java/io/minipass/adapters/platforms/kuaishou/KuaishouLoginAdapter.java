package io.minipass.adapters.platforms.kuaishou;

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
 * Exchanges a Kuaishou {@code ks.login} code through {@code POST /oauth2/mp/code2session}, form
 * {@code app_id, app_secret, js_code}; success only when {@code result} is 1 ({@code open_id, session_key}),
 * anything else is a failure described by {@code error_msg} (docs/platforms.md#kuaishou). Error values are not
 * documented, so nothing is retried.
 */
final class KuaishouLoginAdapter implements ExchangeLoginCodePort {
    static final URI OFFICIAL_BASE_URL = URI.create("https://open.kuaishou.com");
    private static final Logger LOG = LoggerFactory.getLogger(KuaishouLoginAdapter.class);

    private final PlatformCredentials credentials;
    private final URI baseUrl;
    private final PlatformHttp http;

    KuaishouLoginAdapter(PlatformCredentials credentials, URI baseUrl, PlatformHttp http) {
        this.credentials = credentials == null ? PlatformCredentials.NONE : credentials;
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public LoginSession exchange(Platform platform, String code) {
        LoginSessions.requireOwnPlatform(Platform.KUAISHOU, platform);
        List<String> missing = credentials.missing("app_id", "app_secret");
        if (!missing.isEmpty()) {
            throw PlatformFailures.notConfigured(Platform.KUAISHOU, missing);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("app_id", credentials.appId());
        form.put("app_secret", credentials.appSecret());
        form.put("js_code", code == null ? "" : code);
        PlatformAnswer answer = http.postForm(Platform.KUAISHOU,
                PlatformHttp.endpoint(baseUrl, "/oauth2/mp/code2session", Map.of()), form);
        JsonNode body = PlatformJson.object(Platform.KUAISHOU, answer.body());

        String result = PlatformJson.code(body, "result");
        if (!result.equals("1")) {
            String message = PlatformJson.text(body, "error_msg");
            LOG.info("kuaishou code2session refused (HTTP {}): result={} error_msg={}", answer.status(), result, message);
            throw PlatformFailures.loginRefused(Platform.KUAISHOU, result.isEmpty() ? "result缺失" : result, message);
        }
        return LoginSessions.of(Platform.KUAISHOU, PlatformJson.text(body, "open_id"), "",
                PlatformJson.text(body, "session_key"));
    }
}
