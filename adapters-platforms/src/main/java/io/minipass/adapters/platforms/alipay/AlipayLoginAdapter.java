package io.minipass.adapters.platforms.alipay;

import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.common.BusyRetry;
import io.minipass.adapters.platforms.common.BusyRetry.Attempt;
import io.minipass.adapters.platforms.common.LoginSessions;
import io.minipass.adapters.platforms.common.PlatformAnswer;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformFailures;
import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.adapters.platforms.common.PlatformJson;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.LoginSession;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exchanges an Alipay {@code my.getAuthCode} code through the open API gateway, method
 * {@code alipay.system.oauth.token} (docs/platforms.md#alipay): an RSA2-signed form POST to {@code /gateway.do},
 * whose answer is accepted only when its response node, as written, carries Alipay's signature.
 * The openid is {@code open_id}, or {@code user_id} for apps not yet in openid mode; Alipay has no session key.
 * Error {@code 20000} (unknown/busy) is tried once more.
 */
final class AlipayLoginAdapter implements ExchangeLoginCodePort {
    static final URI OFFICIAL_BASE_URL = URI.create("https://openapi.alipay.com");
    static final String METHOD = "alipay.system.oauth.token";
    static final String RESPONSE_NODE = "alipay_system_oauth_token_response";
    static final String ERROR_NODE = "error_response";
    private static final String SUCCESS = "10000";
    private static final String BUSY = "20000";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8));
    private static final Logger LOG = LoggerFactory.getLogger(AlipayLoginAdapter.class);

    private final String appId;
    private final List<String> missing;
    private final PrivateKey appPrivateKey;
    private final PublicKey alipayPublicKey;
    private final URI baseUrl;
    private final PlatformHttp http;
    private final Clock clock;

    /**
     * @throws IllegalArgumentException when a key is configured but is not a readable RSA key
     *                                  (a missing key only fails the calls, as "not configured")
     */
    AlipayLoginAdapter(PlatformCredentials credentials, URI baseUrl, PlatformHttp http, Clock clock) {
        PlatformCredentials keys = credentials == null ? PlatformCredentials.NONE : credentials;
        this.appId = keys.appId();
        this.missing = List.copyOf(missing(keys));
        this.appPrivateKey = keys.privateKey().isEmpty() ? null : AlipayKeys.privateKey(keys.privateKey());
        this.alipayPublicKey = keys.publicKey().isEmpty() ? null : AlipayKeys.publicKey(keys.publicKey());
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    AlipayLoginAdapter(PlatformCredentials credentials, URI baseUrl, PlatformHttp http) {
        this(credentials, baseUrl, http, Clock.systemUTC());
    }

    /**
     * The app id, the app's RSA private key (PEM or bare base64, PKCS#8 or PKCS#1) that signs requests and
     * Alipay's RSA public key (PEM or bare base64 X.509) that checks answers.
     */
    static List<String> missing(PlatformCredentials keys) {
        return PlatformCredentials.missing(keys.appId(), "app_id", keys.privateKey(), "app_private_key",
                keys.publicKey(), "alipay_public_key");
    }

    @Override
    public LoginSession exchange(Platform platform, String code) {
        LoginSessions.requireOwnPlatform(Platform.ALIPAY, platform);
        if (!missing.isEmpty()) {
            throw PlatformFailures.notConfigured(Platform.ALIPAY, missing);
        }
        return BusyRetry.retryOnceIfBusy(() -> attempt(code == null ? "" : code));
    }

    private Attempt<LoginSession> attempt(String code) {
        PlatformAnswer answer = http.postForm(Platform.ALIPAY,
                PlatformHttp.endpoint(baseUrl, "/gateway.do", Map.of()), signedRequest(code));
        String text = answer.body().startsWith("\uFEFF") ? answer.body().substring(1) : answer.body();
        JsonNode body = PlatformJson.object(Platform.ALIPAY, text);
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
        if (refused) {
            return refusal(node, answer.status());
        }
        String openId = PlatformJson.text(node, "open_id");
        String userId = PlatformJson.text(node, "user_id");
        if (openId.isEmpty()) {
            LOG.debug("alipay login by user_id: the app is not in openid mode");
            return new Attempt.Done<>(LoginSessions.of(Platform.ALIPAY, userId, "", ""));
        }
        // During Alipay's move to open_id both come; ShopXO stored user_id, so users may still be held by it.
        return new Attempt.Done<>(LoginSessions.of(Platform.ALIPAY, openId, "", "", userId));
    }

    private Attempt<LoginSession> refusal(JsonNode node, int status) {
        String code = PlatformJson.code(node, "code");
        String subCode = PlatformJson.text(node, "sub_code");
        String subMessage = PlatformJson.text(node, "sub_msg");
        String message = subMessage.isEmpty() ? PlatformJson.text(node, "msg") : subMessage;
        LOG.info("alipay {} refused (HTTP {}): code={} sub_code={} msg={}", METHOD, status, code, subCode, message);
        String shownCode = subCode.isEmpty() ? code : (code + " " + subCode).trim();
        PlatformCallFailedException failure = PlatformFailures.loginRefused(Platform.ALIPAY, shownCode, message);
        if (code.equals(BUSY)) {
            return new Attempt.Busy<>(failure);
        }
        throw failure;
    }

    private Map<String, String> signedRequest(String code) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("app_id", appId);
        params.put("method", METHOD);
        params.put("format", "JSON");
        params.put("charset", "utf-8");
        params.put("sign_type", "RSA2");
        params.put("timestamp", TIMESTAMP.format(clock.instant()));
        params.put("version", "1.0");
        params.put("grant_type", "authorization_code");
        params.put("code", code);
        params.put("sign", AlipaySignature.sign(AlipaySignature.content(params), appPrivateKey));
        return params;
    }

    /** As the SDK does, a node Alipay wrote with {@code \/} may have been signed with plain {@code /}. */
    private boolean signedByAlipay(String nodeText, String sign) {
        return AlipaySignature.verify(nodeText, sign, alipayPublicKey)
                || (nodeText.contains("\\/") && AlipaySignature.verify(nodeText.replace("\\/", "/"), sign, alipayPublicKey));
    }
}
