package io.minipass.adapters.platforms.toutiao;

import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.common.CodeExchange;
import io.minipass.adapters.platforms.common.CodeExchange.Request;
import io.minipass.adapters.platforms.common.CodeExchange.Verdict;
import io.minipass.adapters.platforms.common.PlatformAnswer;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformJson;

/**
 * A Toutiao/Douyin {@code tt.login} code's exchange through {@code POST /api/apps/v2/jscode2session}, JSON body
 * {@code {appid, secret, code}}; answer {@code {err_no, err_tips, data:{openid, session_key, unionid,
 * anonymous_openid}}} (docs/platforms.md#toutiao). The legacy {@code {errcode, errmsg}} error shape is read too.
 * {@code -1} (system error) is tried once more.
 */
final class ToutiaoLoginAdapter implements CodeExchange.Protocol {
    private static final String BUSY = "-1";

    @Override
    public Request request(PlatformCredentials credentials, String code) {
        return new Request("jscode2session", Request.Form.POST_JSON, "/api/apps/v2/jscode2session",
                Request.fields("appid", credentials.appId(), "secret", credentials.appSecret(), "code", code));
    }

    /** A success without a {@code data} object has no openid, which the exchange refuses. */
    @Override
    public Verdict judge(PlatformAnswer answer, JsonNode body) {
        String codeField = PlatformJson.has(body, "err_no") ? "err_no" : "errcode";
        String error = PlatformJson.code(body, codeField);
        if (!error.isEmpty() && !error.equals("0")) {
            String tips = PlatformJson.text(body, codeField.equals("err_no") ? "err_tips" : "errmsg");
            return new Verdict.Refused(error, tips, error.equals(BUSY),
                    codeField + "=" + error + " tips=" + tips + " log_id=" + PlatformJson.text(body, "log_id"));
        }
        JsonNode data = body.path("data");
        return new Verdict.Vouched(PlatformJson.text(data, "openid"), PlatformJson.text(data, "unionid"),
                PlatformJson.text(data, "session_key"));
    }
}
