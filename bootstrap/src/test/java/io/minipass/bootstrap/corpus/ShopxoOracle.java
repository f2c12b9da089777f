package io.minipass.bootstrap.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minipass.bootstrap.corpus.CorpusCase.Expect;
import io.minipass.domain.user.Platform;

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
    static final List<String> LOGIN_ROUTES = List.of("user/appminiuserinfo", "user/appminiuserauth", "user/onekeyusermobilebind");
    private static final Set<String> COMMON = Set.of("s", "application", "application_client_type", "system_type", "lang");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> knownCodes;
    private final String liveToken;

    /**
     * @param knownCodes "platform:code" of every login code the platforms' stub accepts
     * @param liveToken  the token of the user the corpus reads
     */
    ShopxoOracle(Set<String> knownCodes, String liveToken) {
        this.knownCodes = knownCodes;
        this.liveToken = liveToken;
    }

    Expect expect(String method, String route, Map<String, Value> given) {
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
        Map<String, Value> params = LOGIN_ROUTES.contains(route) && !method.equals("POST")
                ? onlyCommon(given) : given;
        return switch (route) {
            case "user/appminiuserinfo" -> logIn(params);
            case "user/appminiuserauth" -> authorize(params);
            case "user/onekeyusermobilebind" -> bindMobile(params);
            case "user/tokenuserinfo" -> tokenUserInfo(params);
            case "minipass/health", "minipass/ready" -> Expect.read();
            default -> Expect.refused(-1000, "接口不存在");
        };
    }

    private static Map<String, Value> onlyCommon(Map<String, Value> given) {
        Map<String, Value> common = new java.util.LinkedHashMap<>(given);
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

    private Expect logIn(Map<String, Value> params) {
        Optional<Platform> platform = platform(params);
        if (platform.isEmpty()) {
            return Expect.refused(-1, "方法未定义");
        }
        Value openId = get(params, "openid");
        Value authData = get(params, "auth_data");
        if (openId.phpEmpty()) {
            return Expect.refused(-1, "openid为空");
        }
        if (authData.phpEmpty()) {
            return Expect.refused(-1, "授权数据为空");
        }
        if (!wellFormedId(openId)) {
            return Expect.refused(-1, "openid格式有误");
        }
        Value unionId = get(params, "unionid");
        if (platform.get().hasUnionId() && !unionId.phpEmpty() && !wellFormedId(unionId)) {
            return Expect.refused(-1, "unionid格式有误");
        }
        if (!isProfile(authData)) {
            return Expect.refused(-1, "授权数据格式有误");
        }
        if (platform.get() == Platform.BAIDU || platform.get() == Platform.QQ) {
            return Expect.refused(-1, "解密数据为空"); // the corpus sends them no sealed profile
        }
        return Expect.login();
    }

    private Expect authorize(Map<String, Value> params) {
        Optional<Platform> platform = platform(params);
        if (platform.isEmpty()) {
            return Expect.refused(-1, "方法未定义");
        }
        Value code = get(params, "authcode").phpEmpty() ? get(params, "code") : get(params, "authcode");
        if (code.scalar() && knownCodes.contains(platform.get().clientType() + ":" + code.text())) {
            return Expect.login();
        }
        return Expect.refused(-1, null);
    }

    /** The corpus holds no phone proof the platforms' stub would verify: every binding is refused. */
    private Expect bindMobile(Map<String, Value> params) {
        if (platform(params).isEmpty()) {
            return Expect.refused(-1, "方法未定义");
        }
        return Expect.refused(null, null);
    }

    private Expect tokenUserInfo(Map<String, Value> params) {
        Value token = get(params, "token");
        if (token.phpEmpty()) {
            return Expect.refused(-1, "token不能为空");
        }
        if (token.scalar() && token.text().equals(liveToken)) {
            return Expect.read();
        }
        return Expect.refused(-400, "登录失效");
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
