package io.minipass.bootstrap.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minipass.bootstrap.corpus.CorpusCase.Expect;
import io.minipass.domain.user.Platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the service must answer to a request's effective parameters, written from docs/api.md and docs/contract.md
 * (ShopXO v2's table, the login proof off, so that a well-formed {@code appminiuserinfo} registers): the order of
 * the checks, which of them refuse, and which requests are valid and may write.
 */
final class ShopxoOracle {
    static final List<String> LOGIN_ROUTES = List.of("user/appminiuserinfo", "user/appminiuserauth", "user/onekeyusermobilebind",
            "user/onekeyusermobiledecrypt", "user/userbasereg");
    /** The routes ShopXO v6.4 added, served on v3.0–v6.7's tables only. */
    static final List<String> V6_ROUTES = List.of("user/onekeyusermobiledecrypt", "user/userbasereg");
    private static final Set<String> COMMON = Set.of("s", "application", "application_client_type", "system_type", "lang");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> knownCodes;
    private final String liveToken;
    private final boolean v6;

    /**
     * @param knownCodes "platform:code" of every login code the platforms' stub accepts
     * @param liveToken  the token of the user the corpus reads (a WeChat user)
     * @param v6         the service answers as ShopXO v6.7 (docs/contract.md#shopxo-v30v67): the platform and
     *                   {@code system_type} come from the query or a form, never from JSON; its own messages and codes
     */
    ShopxoOracle(Set<String> knownCodes, String liveToken, boolean v6) {
        this.knownCodes = knownCodes;
        this.liveToken = liveToken;
        this.v6 = v6;
    }

    /**
     * @param given the query, then any body over it
     * @param form  the query, then a form or multipart body over it (PHP's {@code $_REQUEST})
     */
    Expect expect(String method, String route, Map<String, Value> given, Map<String, Value> form) {
        switch (method) {
            case "HEAD":
                return Expect.bodyless();
            case "OPTIONS":
                return new Expect(CorpusCase.Outcome.READ, 0, "");
            case "GET", "POST":
                break;
            default:
                return Expect.refused(-1, "不支持的请求方式");
        }
        boolean postOnly = LOGIN_ROUTES.contains(route) && !method.equals("POST");
        Map<String, Value> params = postOnly ? onlyCommon(given) : given;
        Map<String, Value> channel = v6 ? (postOnly ? onlyCommon(form) : form) : params;
        boolean shopxoRoute = LOGIN_ROUTES.contains(route) || route.equals("user/tokenuserinfo");
        if (v6 && shopxoRoute && !systemTypeWellFormed(channel)) {
            return Expect.refused(-1, null);
        }
        Optional<Platform> platform = platform(channel);
        return switch (route) {
            case "user/appminiuserinfo" -> logIn(platform, params);
            case "user/appminiuserauth" -> authorize(platform, params);
            case "user/onekeyusermobilebind" -> bindMobile(platform);
            case "user/onekeyusermobiledecrypt", "user/userbasereg" -> v6 ? bindMobile(platform) : Expect.refused(-1000, "接口不存在");
            case "user/tokenuserinfo" -> tokenUserInfo(platform, params);
            case "minipass/health", "minipass/ready" -> Expect.read();
            default -> Expect.refused(-1000, "接口不存在");
        };
    }

    private static Map<String, Value> onlyCommon(Map<String, Value> given) {
        Map<String, Value> common = new LinkedHashMap<>(given);
        common.keySet().retainAll(COMMON);
        return common;
    }

    /** The platform named by {@code application_client_type}, empty for one outside the six (or "", which is pc). */
    static Optional<Platform> platform(Map<String, Value> params) {
        String type = get(params, "application_client_type").text().trim().toLowerCase(Locale.ROOT);
        for (Platform platform : Platform.values()) {
            if (platform.clientType().equals(type)) {
                return Optional.of(platform);
            }
        }
        return Optional.empty();
    }

    private Expect logIn(Optional<Platform> platform, Map<String, Value> params) {
        if (platform.isEmpty()) {
            return refused(-1, "方法未定义");
        }
        Value openId = get(params, "openid");
        Value authData = get(params, "auth_data");
        if (openId.phpEmpty()) {
            return refused(-1, "openid为空");
        }
        if (authData.phpEmpty()) {
            return refused(-1, "授权数据为空");
        }
        if (!wellFormedId(openId)) {
            return refused(-1, "openid格式有误");
        }
        Value unionId = get(params, "unionid");
        if (platform.get().hasUnionId() && !unionId.phpEmpty() && !wellFormedId(unionId)) {
            return refused(-1, "unionid格式有误");
        }
        if (!isProfile(authData)) {
            return refused(-1, "授权数据格式有误");
        }
        if (platform.get() == Platform.BAIDU || platform.get() == Platform.QQ) {
            return refused(-1, "解密数据为空"); // the corpus sends them no sealed profile
        }
        return Expect.login();
    }

    private Expect authorize(Optional<Platform> platform, Map<String, Value> params) {
        if (platform.isEmpty()) {
            return refused(-1, "方法未定义");
        }
        Value code = get(params, "authcode").phpEmpty() ? get(params, "code") : get(params, "authcode");
        if (code.scalar() && knownCodes.contains(platform.get().clientType() + ":" + code.text())) {
            return Expect.login();
        }
        return refused(-1, null);
    }

    /** The corpus holds no phone proof the platforms' stub would verify: every binding is refused. */
    private Expect bindMobile(Optional<Platform> platform) {
        if (platform.isEmpty()) {
            return refused(-1, "方法未定义");
        }
        return Expect.refused(null, null);
    }

    private Expect tokenUserInfo(Optional<Platform> platform, Map<String, Value> params) {
        Value token = get(params, "token");
        if (token.phpEmpty()) {
            return Expect.refused(-1, "token不能为空");
        }
        if (token.scalar() && token.text().equals(liveToken)) {
            // on v6 a token is a platform row's: read through another channel the documents leave it open
            return !v6 || platform.equals(Optional.of(Platform.WEIXIN)) ? Expect.read() : Expect.noWrite();
        }
        return v6 ? Expect.refused(-1, "用户信息不存在") : Expect.refused(-400, "登录失效");
    }

    /** On v6 ShopXO's own messages, and the order of its checks, are v6's: a refusal is checked by its code. */
    private Expect refused(Integer code, String msgStart) {
        return Expect.refused(code, v6 ? null : msgStart);
    }

    /** v6's {@code system_type}: absent, empty, 0 or an array is the default; else 1–60 printable ASCII. */
    private static boolean systemTypeWellFormed(Map<String, Value> channel) {
        Value type = get(channel, "system_type");
        if (!type.scalar() || type.text().trim().isEmpty() || type.text().trim().equals("0")) {
            return true;
        }
        String text = type.text().trim();
        return text.length() <= 60 && text.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    /** An openid's or unionid's shape: a scalar of 1–60 printable ASCII characters. */
    static boolean wellFormedId(Value id) {
        return id.scalar() && id.text().length() <= 60 && id.text().chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    /** auth_data as a profile: an object, or text holding a JSON object. */
    private static boolean isProfile(Value authData) {
        if (authData.json() instanceof Map<?, ?>) {
            return true;
        }
        if (!(authData.json() instanceof String text)) {
            return false;
        }
        return isProfileText(text) || isProfileText(htmlDecoded(text));
    }

    /** A JSON object within the limits a request body has (docs/contract.md#limits). */
    private static boolean isProfileText(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() && withinLimits(node, 1);
        } catch (Exception notJson) {
            return false;
        }
    }

    private static boolean withinLimits(JsonNode node, int depth) {
        if (depth > 32 || node.size() > 1_000) {
            return false;
        }
        if (node.isNumber() && node.asText().replaceAll("[^0-9]", "").length() > 64) {
            return false;
        }
        for (JsonNode child : node) {
            if (!withinLimits(child, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /** PHP's htmlspecialchars_decode, {@code &amp;} last. */
    private static String htmlDecoded(String text) {
        return text.replace("&quot;", "\"").replace("&#039;", "'").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    private static Value get(Map<String, Value> params, String name) {
        return params.getOrDefault(name, Value.absent());
    }
}
