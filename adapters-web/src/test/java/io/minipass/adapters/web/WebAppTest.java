package io.minipass.adapters.web;

import io.javalin.Javalin;
import io.minipass.adapters.web.ApiClient.Answer;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The API framework over HTTP: routing, parameters, and an envelope for everything that can go wrong. */
class WebAppTest {
    static final String JSON_UTF8 = "application/json; charset=utf-8";

    private final AtomicInteger echoCalls = new AtomicInteger();
    private Javalin app;
    private ApiClient client;

    @BeforeEach
    void start() {
        Map<String, ApiEndpoint> endpoints = new LinkedHashMap<>();
        endpoints.put("test/echo", request -> {
            echoCalls.incrementAndGet();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("route", request.route());
            data.put("base_url", request.baseUrl());
            data.put("parameters", request.parameters());
            return ApiResult.success("echo", data);
        });
        endpoints.put("Test/Boom", request -> {
            throw new IllegalStateException("secret detail from deep inside");
        });
        endpoints.put("test/invalid", request -> {
            throw new InvalidInputException("参数有误");
        });
        endpoints.put("test/platform", request -> {
            throw new PlatformCallFailedException(Platform.WEIXIN, "微信接口错误[40029]");
        });
        endpoints.put("test/nothing", request -> null);
        app = WebAppFixture.create(endpoints).start("127.0.0.1", 0);
        client = new ApiClient(app);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api.php?s=test/echo",
            "/api.php?s=/test/echo",
            "/api.php?s=Test/Echo.html",
            "/api.php?s=%2FTEST%2FECHO.HTML",
            "/api.php/test/echo",
            "/api.php/Test/Echo.html",
            "/api/test/echo",
            "/API/test/ECHO/",
    })
    void findsTheRouteInEveryForm(String pathAndQuery) {
        Answer answer = client.postForm(pathAndQuery, Map.of());

        assertThat(answer.code()).isZero();
        assertThat(answer.data()).containsEntry("route", "test/echo");
    }

    @Test
    void answersAnUnknownRouteNamingIt() {
        Answer answer = client.postForm("/api.php?s=User/XXX.html", Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        assertThat(answer.json()).containsExactly(entry("msg", "接口不存在[user/xxx]"), entry("code", -1000), entry("data", List.of()));
        assertThat(client.postForm("/api/user/xxx", Map.of()).msg()).isEqualTo("接口不存在[user/xxx]");
        assertThat(client.postForm("/api.php", Map.of()).msg()).isEqualTo("接口不存在[]");
        assertThat(client.get("/api.php?s=" + "x".repeat(500)).msg()).isEqualTo("接口不存在[" + "x".repeat(100) + "]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/foo", "/foo/bar.html", "/index.php?s=test/echo", "/test/echo", "/static/a.png"})
    void answersAnyOtherPathWithTheSameEnvelope(String pathAndQuery) {
        Answer answer = client.get(pathAndQuery);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        assertThat(answer.code()).isEqualTo(-1000);
        assertThat(answer.msg()).startsWith("接口不存在[");
        assertThat(echoCalls).hasValue(0);
    }

    @Test
    void acceptsGetAsWellAsPost() {
        Answer answer = client.get("/api.php?s=test/echo&openid=abc");

        assertThat(answer.code()).isZero();
        assertThat(parameters(answer)).containsEntry("openid", "abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH", "TRACE"})
    void refusesOtherMethodsWithAnEnvelope(String method) {
        Answer answer = client.send(method, "/api.php?s=test/echo", "application/json", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        assertThat(answer.json()).containsExactly(
                entry("msg", "不支持的请求方式[" + method + "]"), entry("code", -1), entry("data", List.of()));
        assertThat(echoCalls).hasValue(0);
    }

    @Test
    void refusesAMethodJavalinDoesNotKnow() {
        String answer = client.raw(("BREW /api.php?s=test/echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(answer).startsWith("HTTP/1.1 200 ").contains("Content-Type: " + JSON_UTF8)
                .endsWith("{\"msg\":\"不支持的请求方式[BREW]\",\"code\":-1,\"data\":[]}");
    }

    @Test
    void answersHeadWithoutRunningTheEndpoint() {
        Answer answer = client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api.php?s=test/echo"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        assertThat(answer.body()).isEmpty();
        assertThat(echoCalls).hasValue(0);
    }

    @Test
    void answersOptionsWithTheAllowedMethods() {
        Answer answer = client.send("OPTIONS", "/api.php?s=test/echo", null, new byte[0]);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        assertThat(answer.headers().get("allow")).containsExactly("GET, POST, HEAD, OPTIONS");
        assertThat(answer.code()).isZero();
        assertThat(echoCalls).hasValue(0);
    }

    @Test
    void aBodyValueOverridesAQueryValue() {
        Answer answer = client.postForm("/api.php?s=test/echo&openid=from-query&referrer=9",
                ApiClient.fields("openid", "from-body", "auth_data[nickName]", "Tom"));

        assertThat(parameters(answer)).containsExactly(entry("s", "test/echo"), entry("openid", "from-body"),
                entry("referrer", "9"), entry("auth_data", Map.of("nickName", "Tom")));
    }

    @Test
    void readsAJsonObjectBodyWithItsTypes() {
        Answer answer = client.postJson("/api.php?s=test/echo&openid=q&lang=zh",
                "{\"openid\":\"o1\",\"referrer\":128,\"ratio\":1.50,\"flag\":true,\"none\":null,"
                        + "\"auth_data\":{\"nickName\":\"纵之格\"},\"ids\":[1,2]}");

        assertThat(parameters(answer)).containsExactly(entry("s", "test/echo"), entry("openid", "o1"), entry("lang", "zh"),
                entry("referrer", 128), entry("ratio", new BigDecimal("1.50")), entry("flag", true), entry("none", null),
                entry("auth_data", Map.of("nickName", "纵之格")), entry("ids", List.of(1, 2)));
    }

    @Test
    void readsJsonWhateverTheJsonContentTypeIsCalled() {
        Answer answer = client.send("POST", "/api.php?s=test/echo", "application/vnd.api+json;charset=UTF-8",
                "{\"openid\":\"o1\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(parameters(answer)).containsEntry("openid", "o1");
    }

    @Test
    void readsABodyWithoutContentTypeAsJsonWhenItIsAnObjectElseAsAForm() {
        assertThat(parameters(client.send("POST", "/api.php?s=test/echo", null,
                " \n{\"openid\":\"o1\"}".getBytes(StandardCharsets.UTF_8)))).containsEntry("openid", "o1");
        assertThat(parameters(client.send("POST", "/api.php?s=test/echo", null,
                "openid=o2".getBytes(StandardCharsets.UTF_8)))).containsEntry("openid", "o2");
    }

    @Test
    void ignoresABodyOfAnotherType() {
        Answer answer = client.send("POST", "/api.php?s=test/echo&openid=q", "text/plain", "openid=x".getBytes(StandardCharsets.UTF_8));

        assertThat(parameters(answer)).containsExactly(entry("s", "test/echo"), entry("openid", "q"));
    }

    @Test
    void acceptsAnEmptyJsonBody() {
        Answer answer = client.postJson("/api.php?s=test/echo&openid=q", "  ");

        assertThat(answer.code()).isZero();
        assertThat(parameters(answer)).containsEntry("openid", "q");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"openid\":", "{\"a\":1} {\"b\":2}", "{'a':1}", "\u0000"})
    void refusesAMalformedJsonBody(String body) {
        Answer answer = client.postJson("/api.php?s=test/echo", body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).containsExactly(entry("msg", "请求的JSON数据格式有误"), entry("code", -1), entry("data", List.of()));
        assertThat(echoCalls).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {33, 100_000})
    void refusesJsonNestedDeeperThanAFormName(int depth) {
        Answer answer = client.postJson("/api.php?s=test/echo", "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}");

        assertThat(answer.json()).containsExactly(entry("msg", "请求的JSON数据层级或成员过多"), entry("code", -1), entry("data", List.of()));
        assertThat(echoCalls).hasValue(0);
    }

    @Test
    void refusesJsonOfMoreMembersThanAFormHasFields() {
        StringBuilder json = new StringBuilder("{\"openid\":\"o\"");
        for (int i = 1; i <= 1000; i++) {
            json.append(",\"k").append(i).append("\":0");
        }

        Answer answer = client.postJson("/api.php?s=test/echo", json.append('}').toString());

        assertThat(answer.json()).containsExactly(entry("msg", "请求的JSON数据层级或成员过多"), entry("code", -1), entry("data", List.of()));
        assertThat(echoCalls).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"openid\"", "12", "true", "null"})
    void refusesAJsonBodyThatIsNoObject(String body) {
        Answer answer = client.postJson("/api.php?s=test/echo", body);

        assertThat(answer.code()).isEqualTo(-1);
        assertThat(answer.msg()).isEqualTo("请求的JSON数据须为对象");
    }

    @Test
    void readsMultipartFieldsAndIgnoresFiles() {
        Multipart form = new Multipart()
                .field("openid", "o1")
                .field("auth_data[nickName]", "纵之格")
                .field("auth_data[city]", "深圳")
                .file("avatar", "a.png", new byte[] {1, 2, 3});

        Answer answer = client.send("POST", "/api.php?s=test/echo&openid=q", form.contentType(), form.body());

        assertThat(parameters(answer)).containsEntry("openid", "o1")
                .containsEntry("auth_data", Map.of("nickName", "纵之格", "city", "深圳"))
                .doesNotContainKey("avatar");
    }

    @Test
    void refusesAMalformedMultipartBody() {
        Answer answer = client.send("POST", "/api.php?s=test/echo", "multipart/form-data; boundary=xyz",
                "garbage without parts".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.code()).isEqualTo(-1);
        assertThat(answer.msg()).isEqualTo("请求的表单数据格式有误");
    }

    @Test
    void readsAQueryStringLeniently() {
        String answer = client.raw(("GET /api.php?s=test/echo&nick=纵之格&auth_data={\"a\":1}&bad=%zz%&plus=a+b HTTP/1.1\r\n"
                + "Host: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(answer).startsWith("HTTP/1.1 200 ")
                .contains("\"nick\":\"纵之格\"", "\"auth_data\":\"{\\\"a\\\":1}\"", "\"bad\":\"%zz%\"", "\"plus\":\"a b\"");
    }

    @Test
    void refusesABodyLargerThanTheLimit() {
        byte[] large = new byte[(int) WebApp.MAX_BODY_BYTES + 1];
        Arrays.fill(large, (byte) 'a');

        Answer declared = client.send("POST", "/api.php?s=test/echo", "application/x-www-form-urlencoded", large);
        Answer chunked = client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api.php?s=test/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large))).build());
        Multipart form = new Multipart().field("openid", new String(large, StandardCharsets.US_ASCII));
        Answer multipart = client.send("POST", "/api.php?s=test/echo", form.contentType(), form.body());
        Answer chunkedMultipart = client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api.php?s=test/echo"))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form.body()))).build());

        for (Answer answer : List.of(declared, chunked, multipart, chunkedMultipart)) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
            assertThat(answer.json()).containsExactly(entry("msg", "请求数据过大"), entry("code", -1), entry("data", List.of()));
        }
        assertThat(echoCalls).hasValue(0);
    }

    @Test
    void readsAMultipartFieldOfMoreThanJettysFormDefaultWithinTheBodyLimit() {
        // Jetty's own form limit (200,000 bytes) must not cut a multipart body short of the service's 1 MiB
        String openId = "o".repeat(300_000);
        Multipart form = new Multipart().field("openid", openId).field("auth_data", "{}");

        Answer answer = client.send("POST", "/api.php?s=test/echo", form.contentType(), form.body());

        assertThat(answer.code()).as(answer.msg()).isZero();
        assertThat(parameters(answer)).containsEntry("openid", openId);
    }

    @Test
    void acceptsABodyAtTheLimit() {
        byte[] body = new byte[(int) WebApp.MAX_BODY_BYTES];
        Arrays.fill(body, (byte) 'a');
        System.arraycopy("openid=o&x=".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 11);

        Answer answer = client.send("POST", "/api.php?s=test/echo", "application/x-www-form-urlencoded", body);

        assertThat(answer.code()).isZero();
    }

    @Test
    void answersAnUnexpectedFailureWithoutItsDetails() {
        for (String route : List.of("test/boom", "test/nothing")) {
            Answer answer = client.postForm("/api.php?s=" + route, Map.of());

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
            assertThat(answer.json()).containsExactly(entry("msg", "系统繁忙，请稍后再试"), entry("code", -1), entry("data", List.of()));
            assertThat(answer.body()).doesNotContain("secret", "Exception", "at io.");
        }
    }

    @Test
    void answersInvalidInputAndPlatformFailuresWithTheirMessage() {
        assertThat(client.postForm("/api.php?s=test/invalid", Map.of()).json())
                .containsExactly(entry("msg", "参数有误"), entry("code", -1), entry("data", List.of()));
        assertThat(client.postForm("/api.php?s=test/platform", Map.of()).json())
                .containsExactly(entry("msg", "微信接口错误[40029]"), entry("code", -1), entry("data", List.of()));
    }

    @Test
    void answersARequestJettyCannotParseWithAnEnvelope() {
        for (String request : List.of("GARBAGE\r\n\r\n", "GET /api.php?s=test/echo HTTP/1.1\r\nConnection: close\r\n\r\n",
                "GET /api.php?s=test/echo HTTP/1.1\r\nHost: x\r\nX: " + "a".repeat(20_000) + "\r\n\r\n")) {
            String answer = client.raw(request.getBytes(StandardCharsets.US_ASCII));

            assertThat(answer).startsWith("HTTP/1.1 200 ").contains("Content-Type: " + JSON_UTF8)
                    .endsWith("{\"msg\":\"请求格式有误\",\"code\":-1,\"data\":[]}")
                    .doesNotContain("<html", "<HTML");
        }
    }

    /** Answers carry tokens and mobiles: no cache on the way may keep one (docs/security.md). */
    @Test
    void everyAnswerForbidsContentSniffingAndStoring() {
        List<Answer> answers = List.of(
                client.postForm("/api.php?s=test/echo", Map.of("openid", "o")),
                client.get("/api.php?s=test/invalid"),
                client.get("/api.php?s=test/boom"),
                client.get("/no/such/route.html"),
                client.send("PUT", "/api.php?s=test/echo", "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
                client.send("OPTIONS", "/api.php?s=test/echo", null, new byte[0]),
                client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api.php?s=test/echo"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build()),
                client.postJson("/api.php?s=test/echo", "{\"openid\":1e999999999}"));
        for (Answer answer : answers) {
            assertThat(answer.headers().get("x-content-type-options")).as(answer.body()).containsExactly("nosniff");
            assertThat(answer.headers().get("cache-control")).as(answer.body()).containsExactly("no-store");
        }
        for (String request : List.of("GARBAGE\r\n\r\n",
                "GET /api.php?s=test/echo HTTP/1.1\r\nHost: x\r\nX: " + "a".repeat(20_000) + "\r\n\r\n",
                "GET /a/..;/..;/b%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api.php?s=test/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
                "BREW /api.php?s=test/echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "POST /api.php?s=test/echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2000000\r\n\r\n")) {
            String answer = client.raw(request.getBytes(StandardCharsets.US_ASCII));

            assertThat(answer).as(answer).containsIgnoringCase("\r\nX-Content-Type-Options: nosniff\r\n")
                    .containsIgnoringCase("\r\nCache-Control: no-store\r\n");
        }
    }

    @Test
    void givesEndpointsTheBaseUrlTheRequestWasMadeTo() {
        assertThat(client.get("/api.php?s=test/echo").data()).containsEntry("base_url", client.baseUrl());
        for (String[] hostAndBase : new String[][] {{"shop.example.com", "http://shop.example.com"},
                {"shop.example.com:8080", "http://shop.example.com:8080"}, {"shop.example.com:80", "http://shop.example.com"}}) {
            String answer = client.raw(("GET /api/test/echo HTTP/1.1\r\nHost: " + hostAndBase[0] + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));

            assertThat(answer).contains("\"base_url\":\"" + hostAndBase[1] + "\"");
        }
    }

    @Test
    void refusesRouteNamesThatClash() {
        assertThatThrownBy(() -> WebAppFixture.create(Map.of("user/x", r -> null, "/User/X.html", r -> null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameters(Answer answer) {
        assertThat(answer.code()).as(answer.body()).isZero();
        return (Map<String, Object>) answer.data().get("parameters");
    }
}
