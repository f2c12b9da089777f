package io.minipass.adapters.platforms.weixin;

import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.common.CodeExchange;
import io.minipass.adapters.platforms.common.CodeExchange.Request;
import io.minipass.adapters.platforms.common.CodeExchange.Verdict;
import io.minipass.adapters.platforms.common.PlatformAnswer;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformJson;

/**
 * WeChat's {@code GET /sns/jscode2session}, which QQ copies on its own host (docs/platforms.md#weixin,
 * docs/platforms.md#qq): query {@code appid, secret, js_code, grant_type=authorization_code}; answer
 * {@code openid, session_key, unionid?} or {@code errcode, errmsg}. Success bodies usually carry no
 * {@code errcode}: absent counts as 0. {@code errcode -1} (busy) is tried once more.
 */
public final class JsCode2SessionClient implements CodeExchange.Protocol {
    private static final String BUSY = "-1";

    @Override
    public Request request(PlatformCredentials credentials, String code) {
        return new Request("jscode2session", Request.Form.QUERY, "/sns/jscode2session",
                Request.fields("appid", credentials.appId(), "secret", credentials.appSecret(), "js_code", code,
                        "grant_type", "authorization_code"));
    }

    @Override
    public Verdict judge(PlatformAnswer answer, JsonNode body) {
        String errcode = PlatformJson.code(body, "errcode");
        if (!errcode.isEmpty() && !errcode.equals("0")) {
            String errmsg = PlatformJson.text(body, "errmsg");
            return new Verdict.Refused(errcode, errmsg, errcode.equals(BUSY), "errcode=" + errcode + " errmsg=" + errmsg);
        }
        return new Verdict.Vouched(PlatformJson.text(body, "openid"), PlatformJson.text(body, "unionid"),
                PlatformJson.text(body, "session_key"));
    }
}
