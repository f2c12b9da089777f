package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiClient;
import io.minipass.adapters.web.ApiClient.Answer;
import io.minipass.adapters.web.ShopxoDialect;
import io.minipass.adapters.web.php.JsonCodec;
import io.minipass.application.testing.ClientTexts;
import io.minipass.domain.user.Platform;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any request to the user routes, of ShopXO v2 and v6, over HTTP: the answer is a JSON envelope, the same for the
 * same request, and a request that is refused stores nothing.
 */
class RequestReadingProperties {
    static final String CODE = "c0de";
    static final String OPENID = "oGenerated";
    private static final List<String> ROUTES = List.of("user/appminiuserauth", "user/appminiuserinfo", "user/tokenuserinfo",
            "user/onekeyusermobilebind", "user/onekeyusermobiledecrypt", "user/userbasereg", "user/nothing", "");
    private static final List<String> NAMES = List.of("openid", "auth_data", "code", "authcode", "token", "referrer",
            "unionid", "mobile", "encrypted_data", "iv", "application_client_type", "nickName");
    private static final List<String> NAME_TAILS = List.of("", "", "", "[]", "[nickName]", "[", "]", "[a][b]", "[][x]", "[0]");
    private static final List<String> CONTENT_TYPES = List.of("application/x-www-form-urlencoded", "application/json",
            "application/json; charset=utf-8", "text/plain", "", "multipart/form-data", "multipart/form-data; boundary=xyz",
            "application/x-www-form-urlencoded; charset=gbk", "APPLICATION/JSON");

    private static UserApi v2;
    private static UserApi v6;

    @BeforeContainer
    static void start() {
        v2 = new UserApi().dialect(ShopxoDialect.V2);
        v6 = new UserApi().dialect(ShopxoDialect.V6);
        v2.start();
        v6.start();
        for (UserApi api : List.of(v2, v6)) {
            api.loginCodes.answer(CODE, Platform.WEIXIN, OPENID, null, "tiihtNczf5v6AKRyjwEUhQ==");
        }
    }

    @AfterContainer
    static void stop() {
        v2.close();
        v6.close();
    }

    /** One request as a client (or anyone) might send it. */
    record Request(boolean v6, String method, String route, String clientType, String contentType, byte[] body) {
        String pathAndQuery() {
            return "/api.php?s=" + route + "&application_client_type=" + URLEncoder.encode(clientType, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return (v6 ? "v6 " : "v2 ") + method + " " + pathAndQuery() + " [" + contentType + "] "
                    + new String(body, StandardCharsets.UTF_8);
        }
    }

    @Property(tries = 300)
    void any_request_gets_a_json_envelope_the_same_each_time_and_stores_nothing_unless_it_succeeds(
            @ForAll("requests") Request request) {
        UserApi api = request.v6() ? v6 : v2;
        // a client of its own: no try rides on a connection an earlier one left
        ApiClient client = api.newClient();
        int usersBefore = api.store.count();

        Answer answer = send(client, request);

        Map<String, Object> envelope = envelope(answer);
        int code = ((Number) envelope.get("code")).intValue();
        if (code != 0) {
            assertThat(api.store.count()).as("users stored by a refused request").isEqualTo(usersBefore);
            Answer again = send(client, request);
            assertThat(again.status()).isEqualTo(answer.status());
            assertThat(again.body()).isEqualTo(answer.body());
        }
    }

    /**
     * The property's find: Jetty closed the connection after a multipart body it could not parse without saying so,
     * and the keep-alive client's next request on it went unanswered.
     */
    @Example
    void a_malformed_multipart_body_is_answered_with_connection_close_and_the_next_request_is_answered_too() {
        String body = "auth_data=%F0%A0%80%80";
        String malformed = "POST /api.php?s=user/appminiuserinfo&application_client_type=weixin HTTP/1.1\r\nHost: shop\r\n"
                + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        String next = "GET /api.php?s=user/tokenuserinfo&application_client_type=weixin HTTP/1.1\r\nHost: shop\r\n"
                + "Connection: close\r\n\r\n";

        String answers = v2.newClient().raw((malformed + next).getBytes(StandardCharsets.UTF_8));

        assertThat(answers).startsWith("HTTP/1.1 200").contains("\r\nConnection: close\r\n").contains("请求的表单数据格式有误");
        ApiClient client = v2.newClient();
        Request request = new Request(false, "POST", "user/appminiuserinfo", "weixin", "multipart/form-data; boundary=xyz",
                utf8(body));
        assertThat(send(client, request).body()).isEqualTo(send(client, request).body());
    }

    private static Answer send(ApiClient client, Request request) {
        return client.send(request.method(), request.pathAndQuery(), request.contentType().isEmpty() ? null : request.contentType(),
                request.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> envelope(Answer answer) {
        assertThat(answer.contentType()).contains("json");
        Object parsed;
        try {
            parsed = JsonCodec.parse(answer.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
        assertThat(parsed).isInstanceOf(Map.class);
        Map<String, Object> envelope = (Map<String, Object>) parsed;
        assertThat(envelope).containsKeys("code", "msg", "data");
        assertThat(envelope.get("code")).isInstanceOf(Number.class);
        assertThat(envelope.get("msg")).isInstanceOf(String.class);
        return envelope;
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> clientTypes = Arbitraries.oneOf(
                Arbitraries.of("weixin", "alipay", "baidu", "toutiao", "qq", "kuaishou", "pc", "", "0", "WEIXIN", " weixin "),
                ClientTexts.wellFormed(6));
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of("POST", "POST", "GET", "PUT"),
                        Arbitraries.of(ROUTES), clientTypes, Arbitraries.of(CONTENT_TYPES), bodies())
                .as(Request::new);
    }

    private Arbitrary<byte[]> bodies() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, forms().map(RequestReadingProperties::utf8)),
                Tuple.of(3, jsonObjects().map(JsonCodec::write)),
                Tuple.of(1, Arbitraries.of("", "{", "[]", "[1,2]", "\"text\"", "null", "{\"a\":1}x", "{\"a\":1e999999}",
                        "[".repeat(40) + "]".repeat(40), "{\"a\":" .repeat(40) + "1" + "}".repeat(40),
                        "\ufeff{\"openid\":\"" + OPENID + "\"}").map(RequestReadingProperties::utf8)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(100)));
    }

    /** Form fields under the names the routes read, nested oddly, with values of every kind. */
    private Arbitrary<String> forms() {
        Arbitrary<String> name = Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(NAME_TAILS), Arbitraries.of(true, false))
                .as((base, tail, escaped) -> escaped ? encode(base + tail) : base + tail);
        Arbitrary<String> field = Combinators.combine(name, values()).as((n, v) -> n + "=" + encode(v));
        return field.list().ofMaxSize(8).map(fields -> String.join("&", fields));
    }

    private Arbitrary<Map<String, Object>> jsonObjects() {
        Arbitrary<Object> value = Arbitraries.oneOf(values().map(v -> (Object) v),
                Arbitraries.of(0, 1, -1, 1.5, true, false).map(v -> (Object) v),
                Arbitraries.just((Object) null),
                profiles().map(p -> (Object) p),
                values().list().ofMaxSize(3).map(l -> (Object) l));
        return Arbitraries.maps(Arbitraries.of(NAMES), value).ofMaxSize(6).map(LinkedHashMap::new);
    }

    private Arbitrary<String> values() {
        return Arbitraries.oneOf(ClientTexts.wellFormed(20), Arbitraries.of("", "0", CODE, OPENID, "13800138000", "D4459443", "1"),
                profiles().map(p -> new String(JsonCodec.write(p), StandardCharsets.UTF_8)),
                profiles().map(p -> new String(JsonCodec.write(p), StandardCharsets.UTF_8).replace("\"", "&quot;")));
    }

    private Arbitrary<Map<String, Object>> profiles() {
        return Arbitraries.maps(Arbitraries.of("nickName", "avatarUrl", "gender", "province", "city", "encrypted_data", "iv"),
                ClientTexts.wellFormed(10).map(t -> (Object) t)).ofMaxSize(4).map(LinkedHashMap::new);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
