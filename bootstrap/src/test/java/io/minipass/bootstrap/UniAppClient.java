package io.minipass.bootstrap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.minipass.bootstrap.ServiceClient.Answer;
import io.minipass.domain.user.Platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks to the service as ShopXO v6.7.1's uni-app client does (SHOPXO-V6.md §2): a POST with a JSON body and only
 * {@code Content-Type: application/json}, every common parameter in the query string; and what SHOPXO-V6.md §5 says
 * its answers hold, read from the raw JSON (key order and each value's token: number or string).
 */
final class UniAppClient {
    /** {@code data} of a login, SHOPXO-V6.md §5, in order. */
    static final List<String> LOGIN_KEYS = List.of("id", "number_code", "status", "username", "nickname", "mobile",
            "email", "gender", "avatar", "province", "city", "county", "birthday", "address", "integral",
            "locking_integral", "referrer", "is_delete_time", "is_logout_time", "add_time", "upd_time", "system_type",
            "platform", "token", "alipay_openid", "weixin_openid", "weixin_unionid", "weixin_web_openid", "baidu_openid",
            "toutiao_openid", "toutiao_unionid", "qq_openid", "qq_unionid", "kuaishou_openid", "add_time_text",
            "upd_time_text", "gender_text", "mobile_security", "email_security", "address_info", "user_name_view",
            "is_setup_pwd", "is_mandatory_bind_mobile");
    /** {@code appminiuserauth}'s login: the 43 and {@code is_user_exist}. */
    static final List<String> AUTH_LOGIN_KEYS = with(LOGIN_KEYS, "is_user_exist");
    /** {@code tokenuserinfo}: the 43 without {@code is_mandatory_bind_mobile}. */
    static final List<String> SESSION_KEYS = LOGIN_KEYS.subList(0, LOGIN_KEYS.size() - 1);
    /** The keys whose values are JSON numbers; every other key of a user view is a JSON string. */
    static final Set<String> NUMBER_KEYS = Set.of("id", "status", "gender", "integral", "locking_integral", "referrer",
            "is_delete_time", "is_logout_time", "add_time", "upd_time", "is_setup_pwd", "is_mandatory_bind_mobile",
            "is_user_exist");
    /** The id columns of a platform row, each also a key of the user view. */
    static final List<String> ID_COLUMNS = List.of("alipay_openid", "weixin_openid", "weixin_unionid",
            "weixin_web_openid", "baidu_openid", "toutiao_openid", "toutiao_unionid", "qq_openid", "qq_unionid",
            "kuaishou_openid");

    private static final JsonFactory JSON = new JsonFactory();

    private final ServiceClient http;
    private final String uuid = UUID.randomUUID().toString();

    UniAppClient(int port) {
        this.http = new ServiceClient(port);
    }

    ServiceClient http() {
        return http;
    }

    /** The query the client puts on every call (no referrer). */
    String query(Platform platform, String systemType, String lang, String token) {
        return "system_type=" + ServiceClient.enc(systemType) + "&application=app&application_client_type="
                + platform.clientType() + "&application_client_brand=devtools&token=" + ServiceClient.enc(token)
                + "&uuid=" + uuid + "&lang=" + lang + "&theme=red&ajax=ajax";
    }

    Answer post(String action, Platform platform, String systemType, String lang, String token, Map<String, ?> body) {
        return http.postJson("user/" + action, query(platform, systemType, lang, token), body);
    }

    Answer post(String action, Platform platform, Map<String, ?> body) {
        return post(action, platform, "default", "zh", "", body);
    }

    Answer auth(Platform platform, String code) {
        return post("appminiuserauth", platform, Map.of("authcode", code));
    }

    Answer auth(Platform platform, String systemType, String lang, String code) {
        return post("appminiuserauth", platform, systemType, lang, "", Map.of("authcode", code));
    }

    Answer info(Platform platform, Map<String, ?> body) {
        return post("appminiuserinfo", platform, body);
    }

    Answer info(Platform platform, String lang, Map<String, ?> body) {
        return post("appminiuserinfo", platform, "default", lang, "", body);
    }

    /** As the client asks after a login: the token in the query, an empty JSON body. */
    Answer tokenUserInfo(Platform platform, String token) {
        return post("tokenuserinfo", platform, "default", "zh", token, Map.of());
    }

    Answer tokenUserInfo(Platform platform, String lang, String token) {
        return post("tokenuserinfo", platform, "default", lang, token, Map.of());
    }

    /** {@code data}'s keys in the order the answer holds them, each with the JSON token of its value. */
    static Map<String, JsonToken> dataTokens(Answer answer) {
        try (JsonParser parser = JSON.createParser(answer.body())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new AssertionError("not a JSON object: " + answer.body());
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!name.equals("data")) {
                    parser.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_OBJECT) {
                    throw new AssertionError("data is " + value + ": " + answer.body());
                }
                Map<String, JsonToken> tokens = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    if (tokens.put(key, parser.nextToken()) != null) {
                        throw new AssertionError("data has " + key + " twice: " + answer.body());
                    }
                    parser.skipChildren();
                }
                return tokens;
            }
            throw new AssertionError("no data: " + answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A user view as ShopXO v6 answers it: HTTP 200, code 0, the message, exactly these keys in this order, numbers
     * as JSON numbers and everything else as JSON strings.
     */
    static void assertUserView(Answer answer, String msg, List<String> keys) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.code()).as(answer.body()).isZero();
        assertThat(answer.msg()).isEqualTo(msg);
        Map<String, JsonToken> tokens = dataTokens(answer);
        assertThat(new ArrayList<>(tokens.keySet())).as(answer.body()).containsExactlyElementsOf(keys);
        tokens.forEach((key, token) -> assertThat(token).as("the JSON token of %s in %s", key, answer.body())
                .isEqualTo(NUMBER_KEYS.contains(key) ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_STRING));
        assertThat(answer.data().get("token").asText()).matches("[0-9a-f]{32}");
        assertThat(answer.data().get("id").asLong()).isPositive();
    }

    private static List<String> with(List<String> keys, String more) {
        List<String> all = new ArrayList<>(keys);
        all.add(more);
        return List.copyOf(all);
    }
}
