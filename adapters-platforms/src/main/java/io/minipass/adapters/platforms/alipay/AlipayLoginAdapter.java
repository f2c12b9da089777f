package io.minipass.adapters.platforms.alipay;

import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.common.CodeExchange;
import io.minipass.adapters.platforms.common.CodeExchange.Request;
import io.minipass.adapters.platforms.common.CodeExchange.Verdict;
import io.minipass.adapters.platforms.common.PlatformAnswer;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformFailures;
import io.minipass.adapters.platforms.common.PlatformJson;
import io.minipass.domain.user.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;

/**
 * An Alipay {@code my.getAuthCode} code's exchange through the open API gateway, method
 * {@code alipay.system.oauth.token} (docs/platforms.md#alipay): an RSA2-signed form POST to {@code /gateway.do},
 * whose answer is accepted only when its response node, as written, carries Alipay's signature.
 * The openid is {@code open_id}, or {@code user_id} for apps not yet in openid mode; Alipay has no session key.
 * Error {@code 20000} (unknown/busy) is tried once more.
 */
final class AlipayLoginAdapter implements CodeExchange.Protocol {
    private static final String METHOD = "alipay.system.oauth.token";
    private static final String RESPONSE_NODE = "alipay_system_oauth_token_response";
    private static final String ERROR_NODE = "error_response";
    private static final String SUCCESS = "10000";
    private static final String BUSY = "20000";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8));
    private static final Logger LOG = LoggerFactory.getLogger(AlipayLoginAdapter.class);

    private final PrivateKey appPrivateKey;
    private final PublicKey alipayPublicKey;
    private final Clock clock;

    /**
     * @param keys the app's RSA private key (PEM or bare base64, PKCS#8 or PKCS#1) that signs requests
     *             and Alipay's RSA public key (PEM or bare base64 X.509) that checks answers
     * @throws IllegalArgumentException when a key is configured but is not a readable RSA key
     *                                  (a missing key only fails the calls, as "not configured")
     */
    AlipayLoginAdapter(PlatformCredentials keys, Clock clock) {
        this.appPrivateKey = keys.privateKey().isEmpty() ? null : AlipayKeys.privateKey(keys.privateKey());
        this.alipayPublicKey = keys.publicKey().isEmpty() ? null : AlipayKeys.publicKey(keys.publicKey());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The request signed with the app's private key, at the clock's time (so each try is signed anew). */
    @Override
    public Request request(PlatformCredentials credentials, String code) {
        Map<String, String> params = Request.fields("app_id", credentials.appId(), "method", METHOD, "format", "JSON",
                "charset", "utf-8", "sign_type", "RSA2", "timestamp", TIMESTAMP.format(clock.instant()),
                "version", "1.0", "grant_type", "authorization_code", "code", code);
        params.put("sign", AlipaySignature.sign(AlipaySignature.content(params), appPrivateKey));
        return new Request(METHOD, Request.Form.POST_FORM, "/gateway.do", params);
    }

    @Override
    public Verdict judge(PlatformAnswer answer, JsonNode body) {
        String text = answer.body().startsWith("\uFEFF") ? answer.body().substring(1) : answer.body();
        Map<String, String> raw;
        try {
            raw = AlipayResponseText.topLevelValues(text);
        } catch (IllegalArgumentException e) {
            throw PlatformFailures.unreadable(Platform.ALIPAY);
        }
        String nodeName = raw.containsKey(RESPONSE_NODE) ? RESPONSE_NODE
                : raw.containsKey(ERROR_NODE) ? ERROR_NODE : null;
        if (nodeName == null || !body.get(nodeName).isObject()) {
            throw PlatformFailures.unreadable(Platform.ALIPAY);
        }
        JsonNode node = body.get(nodeName);
        String resultCode = PlatformJson.code(node, "code");
        boolean refused = nodeName.equals(ERROR_NODE) || (!resultCode.isEmpty() && !resultCode.equals(SUCCESS));

        String sign = PlatformJson.text(body, "sign");
        if (sign.isEmpty() ? !refused : !signedByAlipay(raw.get(nodeName), sign)) {
            // An unsigned refusal can only make a login fail, as the SDK also accepts; a success must be signed.
            LOG.warn("alipay {} answer (HTTP {}) refused: {}", METHOD, answer.status(),
                    sign.isEmpty() ? "no signature" : "bad signature");
            throw PlatformFailures.badSignature(Platform.ALIPAY);
        }
        return refused ? refusal(node) : vouched(node);
    }

    private static Verdict refusal(JsonNode node) {
        String code = PlatformJson.code(node, "code");
        String subCode = PlatformJson.text(node, "sub_code");
        String subMessage = PlatformJson.text(node, "sub_msg");
        String message = subMessage.isEmpty() ? PlatformJson.text(node, "msg") : subMessage;
        String shownCode = subCode.isEmpty() ? code : (code + " " + subCode).trim();
        return new Verdict.Refused(shownCode, message, code.equals(BUSY),
                "code=" + code + " sub_code=" + subCode + " msg=" + message);
    }

    private static Verdict vouched(JsonNode node) {
        String openId = PlatformJson.text(node, "open_id");
        String userId = PlatformJson.text(node, "user_id");
        if (openId.isEmpty()) {
            LOG.debug("alipay login by user_id: the app is not in openid mode");
            return new Verdict.Vouched(userId, "", "");
        }
        // During Alipay's move to open_id both come; ShopXO stored user_id, so users may still be held by it.
        return new Verdict.Vouched(openId, "", "", userId);
    }

    /** As the SDK does, a node Alipay wrote with {@code \/} may have been signed with plain {@code /}. */
    private boolean signedByAlipay(String nodeText, String sign) {
        return AlipaySignature.verify(nodeText, sign, alipayPublicKey)
                || (nodeText.contains("\\/") && AlipaySignature.verify(nodeText.replace("\\/", "/"), sign, alipayPublicKey));
    }
}
