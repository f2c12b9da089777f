package io.minipass.adapters.platforms.baidu;

import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.common.CodeExchange;
import io.minipass.adapters.platforms.common.CodeExchange.Request;
import io.minipass.adapters.platforms.common.CodeExchange.Verdict;
import io.minipass.adapters.platforms.common.PlatformAnswer;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformJson;

/**
 * A Baidu {@code swan.login} code's exchange through {@code POST /oauth/jscode2sessionkey}, form
 * {@code code, client_id=<App Key>, sk=<App Secret>}; answer {@code {openid, session_key}} or an OAuth error
 * {@code {error, error_description}} (documented with HTTP 400) or a numeric {@code errno} (docs/platforms.md#baidu).
 * Baidu documents no "busy" answer, so nothing is retried.
 */
final class BaiduLoginAdapter implements CodeExchange.Protocol {
    @Override
    public Request request(PlatformCredentials credentials, String code) {
        return new Request("jscode2sessionkey", Request.Form.POST_FORM, "/oauth/jscode2sessionkey",
                Request.fields("code", code, "client_id", credentials.appKey(), "sk", credentials.appSecret()));
    }

    @Override
    public Verdict judge(PlatformAnswer answer, JsonNode body) {
        String error = PlatformJson.text(body, "error");
        String errno = PlatformJson.code(body, "errno");
        if (error.isEmpty() && (errno.isEmpty() || errno.equals("0"))) {
            return new Verdict.Vouched(PlatformJson.text(body, "openid"), "", PlatformJson.text(body, "session_key"));
        }
        String errorCode = error.isEmpty() ? errno : error;
        String description = firstNonEmpty(PlatformJson.text(body, "error_description"),
                PlatformJson.text(body, "errmsg"), PlatformJson.text(body, "error_msg"));
        return new Verdict.Refused(errorCode, description, false, errorCode + " " + description);
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
