package io.minipass.adapters.platforms.weixin;

import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformFailures;
import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.adapters.platforms.common.PlatformJson;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trades the one-time {@code code} of WeChat's phone-number button for the number
 * ({@code POST /wxa/business/getuserphonenumber}). A token WeChat calls invalid or expired
 * is replaced once and the call made again.
 */
record WechatPhoneNumbers(PlatformCredentials credentials, URI baseUrl, PlatformHttp http, WechatAccessTokens tokens) {
    private static final Logger log = LoggerFactory.getLogger(WechatPhoneNumbers.class);
    /** 40001 invalid credential, 40014 invalid access token, 42001 access token expired. */
    private static final Set<String> STALE_TOKEN = Set.of("40001", "40014", "42001");
    private static final String FAILED = "获取手机号失败";

    String phoneNumber(String code) {
        if (!credentials.missing("appid", "secret").isEmpty()) {
            throw PlatformFailures.notConfigured(Platform.WEIXIN, List.of());
        }
        String token = tokens.current();
        JsonNode reply = ask(token, code);
        if (STALE_TOKEN.contains(WechatErrors.errcode(reply))) {
            log.info("WeChat rejected the cached access token ({}); fetching another", WechatErrors.errcode(reply));
            reply = ask(tokens.replace(token), code);
        }
        String errcode = WechatErrors.errcode(reply);
        if (!errcode.equals("0")) {
            log.info("WeChat getuserphonenumber refused: errcode={}", errcode);
            throw PlatformFailures.refused(Platform.WEIXIN, FAILED, errcode, PlatformJson.text(reply, "errmsg"));
        }
        return readNumber(reply.path("phone_info"));
    }

    private JsonNode ask(String token, String code) {
        URI uri = PlatformHttp.endpoint(baseUrl, "/wxa/business/getuserphonenumber", Map.of("access_token", token));
        return http.object(Platform.WEIXIN, http.postJson(Platform.WEIXIN, uri, Map.of("code", code)));
    }

    private String readNumber(JsonNode phoneInfo) {
        JsonNode watermark = phoneInfo.path("watermark");
        if (watermark.isObject() && PlatformJson.has(watermark, "appid")
                && !credentials.appId().equals(PlatformJson.text(watermark, "appid"))) {
            log.warn("WeChat getuserphonenumber answered for another app id");
            throw new PlatformCallFailedException(Platform.WEIXIN, "微信手机号校验失败");
        }
        String number = phoneInfo.isObject() ? PlatformJson.firstText(phoneInfo, "purePhoneNumber", "phoneNumber") : "";
        if (number.isEmpty()) {
            throw PlatformFailures.refused(Platform.WEIXIN, FAILED, "未返回手机号", "");
        }
        return number;
    }
}
