package io.minipass.adapters.platforms.kuaishou;

import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.common.CodeExchange;
import io.minipass.adapters.platforms.common.CodeExchange.Request;
import io.minipass.adapters.platforms.common.CodeExchange.Verdict;
import io.minipass.adapters.platforms.common.PlatformAnswer;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformJson;

/**
 * A Kuaishou {@code ks.login} code's exchange through {@code POST /oauth2/mp/code2session}, form
 * {@code app_id, app_secret, js_code}; success only when {@code result} is 1 ({@code open_id, session_key}),
 * anything else is a failure described by {@code error_msg} (docs/platforms.md#kuaishou). Error values are not
 * documented, so nothing is retried.
 */
final class KuaishouLoginAdapter implements CodeExchange.Protocol {
    @Override
    public Request request(PlatformCredentials credentials, String code) {
        return new Request("code2session", Request.Form.POST_FORM, "/oauth2/mp/code2session",
                Request.fields("app_id", credentials.appId(), "app_secret", credentials.appSecret(), "js_code", code));
    }

    @Override
    public Verdict judge(PlatformAnswer answer, JsonNode body) {
        String result = PlatformJson.code(body, "result");
        if (!result.equals("1")) {
            String message = PlatformJson.text(body, "error_msg");
            return new Verdict.Refused(result.isEmpty() ? "result缺失" : result, message, false,
                    "result=" + result + " error_msg=" + message);
        }
        return new Verdict.Vouched(PlatformJson.text(body, "open_id"), "", PlatformJson.text(body, "session_key"));
    }
}
