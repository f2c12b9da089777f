package io.minipass.adapters.platforms.phone;

import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Trades the one-time {@code code} of WeChat's phone-number button for the number
 * ({@code POST /wxa/business/getuserphonenumber}). A token WeChat calls invalid or expired
 * is replaced once and the call made again.
 */
final class WechatPhoneNumbers {
    private static final Logger log = LoggerFactory.getLogger(WechatPhoneNumbers.class);
    /** 40001 invalid credential, 40014 invalid access token, 42001 access token expired. */
    private static final Set<Long> STALE_TOKEN = Set.of(40001L, 40014L, 42001L);

    private final WechatApiSettings settings;
    private final WechatHttp http;
    private final WechatAccessTokens tokens;

    WechatPhoneNumbers(WechatApiSettings settings, WechatHttp http, WechatAccessTokens tokens) {
        this.settings = settings;
        this.http = http;
        this.tokens = tokens;
    }

    String phoneNumber(String code) {
        if (!settings.isConfigured()) {
            throw new PlatformCallFailedException(Platform.WEIXIN, "微信小程序未配置");
        }
        String token = tokens.current();
        WechatReply reply = ask(token, code);
        if (STALE_TOKEN.contains(reply.errcode())) {
            log.info("WeChat rejected the cached access token ({}); fetching another", reply.errcode());
            reply = ask(tokens.replace(token), code);
        }
        if (!reply.isSuccess()) {
            log.info("WeChat getuserphonenumber refused: {}", reply.errorLabel());
            throw new PlatformCallFailedException(Platform.WEIXIN, "微信获取手机号失败" + reply.errorLabel());
        }
        return readNumber(reply.object("phone_info"));
    }

    private WechatReply ask(String token, String code) {
        URI uri = URI.create(settings.resolve("/wxa/business/getuserphonenumber")
                + "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return http.postJson(uri, Map.of("code", code), "getuserphonenumber");
    }

    private String readNumber(Map<String, Object> phoneInfo) {
        Object watermark = phoneInfo.get("watermark");
        if (watermark instanceof Map<?, ?> marks && marks.get("appid") != null
                && !settings.appId().equals(marks.get("appid"))) {
            log.warn("WeChat getuserphonenumber answered for another app id");
            throw new PlatformCallFailedException(Platform.WEIXIN, "微信手机号校验失败");
        }
        String number = PhoneFields.firstText(phoneInfo, "purePhoneNumber", "phoneNumber");
        if (number.isEmpty()) {
            throw new PlatformCallFailedException(Platform.WEIXIN, "微信获取手机号失败[未返回手机号]");
        }
        return number;
    }
}
