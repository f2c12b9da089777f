package io.minipass.adapters.platforms.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.minipass.domain.user.Platform;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the code-to-session APIs of all six platforms on 127.0.0.1, each under its own path
 * prefix ({@code /weixin}, {@code /qq}, ...) so each platform's base URL reaches only its own API. Each
 * API reads the request as PLATFORMS.md documents it, refuses unknown app credentials and codes the way
 * that platform refuses them, and answers in that platform's shape. Alipay's gateway checks the request's
 * RSA2 signature with the app's public key and signs every answer with an "Alipay" key pair made here.
 */
public final class EveryPlatformStub implements AutoCloseable {
    /** The credentials a platform's API accepts; for Baidu {@code appId} is the App Key ({@code client_id}). */
    public record App(String appId, String secret) {
    }

    /** What a login code proves: {@code unionId} and {@code sessionKey} empty when the platform gives none. */
    public record Session(String openId, String unionId, String sessionKey) {
    }

    /**
     * What an Alipay auth code proves: {@code open_id} and/or {@code user_id} (empty: left out of the answer);
     * {@code forged}: the answer is signed with a key that is not Alipay's.
     */
    public record AlipayGrant(String openId, String userId, boolean forged) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALIPAY_NODE = "alipay_system_oauth_token_response";

    private final HttpServer server;
    private final Map<Platform, App> apps;
    private final PublicKey appPublicKey;
    private final KeyPair alipayKeys = rsaKeyPair();
    private final KeyPair forgerKeys = rsaKeyPair();
    private final Map<Platform, Map<String, Session>> sessions = new EnumMap<>(Platform.class);
    private final Map<String, AlipayGrant> alipayGrants = new ConcurrentHashMap<>();
    private final Map<Platform, AtomicInteger> calls = new EnumMap<>(Platform.class);

    /**
     * @param apps         the app each platform's API knows (Alipay: only its app id is read)
     * @param appPublicKey the public half of the Alipay app key, as uploaded to Alipay's console
     */
    public EveryPlatformStub(Map<Platform, App> apps, PublicKey appPublicKey) throws IOException {
        this.apps = Map.copyOf(apps);
        this.appPublicKey = appPublicKey;
        for (Platform platform : Platform.values()) {
            sessions.put(platform, new ConcurrentHashMap<>());
            calls.put(platform, new AtomicInteger());
        }
        server = StubExchanges.loopbackServer();
        server.createContext("/weixin/sns/jscode2session", exchange -> jsCode2Session(Platform.WEIXIN, exchange, "text/plain"));
        server.createContext("/qq/sns/jscode2session", exchange -> jsCode2Session(Platform.QQ, exchange, "application/json; encoding=utf-8"));
        server.createContext("/toutiao/api/apps/v2/jscode2session", this::toutiao);
        server.createContext("/baidu/oauth/jscode2sessionkey", this::baidu);
        server.createContext("/kuaishou/oauth2/mp/code2session", this::kuaishou);
        server.createContext("/alipay/gateway.do", this::alipay);
        server.start();
    }

    /** The base URL to configure for a platform ({@code MINIPASS_<PLATFORM>_BASE_URL}). */
    public String baseUrl(Platform platform) {
        return StubExchanges.baseUrl(server) + "/" + platform.clientType();
    }

    /** Alipay's public key as its console shows it: bare base64 of the X.509 encoding. */
    public String alipayPublicKey() {
        return Base64.getEncoder().encodeToString(alipayKeys.getPublic().getEncoded());
    }

    public void willAnswer(Platform platform, String code, Session session) {
        sessions.get(platform).put(code, session);
    }

    public void willGrantAlipay(String code, AlipayGrant grant) {
        alipayGrants.put(code, grant);
    }

    /** How many requests reached the platform's API. */
    public int calls(Platform platform) {
        return calls.get(platform).get();
    }

    /** A fresh RSA key pair ({@link Rsa2#keyPair()}), as the system tests make the Alipay app's. */
    public static KeyPair rsaKeyPair() {
        return Rsa2.keyPair();
    }

    /** WeChat's and QQ's {@code GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code}. */
    private void jsCode2Session(Platform platform, HttpExchange exchange, String contentType) throws IOException {
        calls.get(platform).incrementAndGet();
        Map<String, String> query = StubExchanges.decodeForm(exchange.getRequestURI().getRawQuery());
        App app = apps.get(platform);
        String body;
        if (!exchange.getRequestMethod().equals("GET") || !app.appId().equals(query.get("appid"))) {
            body = "{\"errcode\":40013,\"errmsg\":\"invalid appid, rid: 6600a1b2-0c1d2e3f-4a5b6c7d\"}";
        } else if (!app.secret().equals(query.get("secret"))) {
            body = "{\"errcode\":40125,\"errmsg\":\"invalid appsecret, rid: 6600a1b2-0c1d2e3f-4a5b6c7e\"}";
        } else if (!"authorization_code".equals(query.get("grant_type"))) {
            body = "{\"errcode\":40002,\"errmsg\":\"invalid grant_type\"}";
        } else {
            Session session = sessions.get(platform).get(query.getOrDefault("js_code", ""));
            body = session == null
                    ? "{\"errcode\":40029,\"errmsg\":\"invalid code, rid: 6600a1b2-0c1d2e3f-4a5b6c7f\"}"
                    : "{\"session_key\":\"" + session.sessionKey() + "\",\"openid\":\"" + session.openId() + "\""
                            + (session.unionId().isEmpty() && platform == Platform.WEIXIN ? "" : ",\"unionid\":\"" + session.unionId() + "\"")
                            + "}";
        }
        StubExchanges.answer(exchange, 200, contentType, body);
    }

    /** Toutiao's {@code POST /api/apps/v2/jscode2session}, JSON {@code {appid, secret, code}}. */
    private void toutiao(HttpExchange exchange) throws IOException {
        calls.get(Platform.TOUTIAO).incrementAndGet();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        JsonNode request = contentType != null && contentType.startsWith("application/json")
                ? JSON.readTree(exchange.getRequestBody().readAllBytes()) : JSON.createObjectNode();
        App app = apps.get(Platform.TOUTIAO);
        String body;
        if (!app.appId().equals(request.path("appid").asText())) {
            body = toutiaoError(40015, "bad appid");
        } else if (!app.secret().equals(request.path("secret").asText())) {
            body = toutiaoError(40017, "bad secret");
        } else {
            Session session = sessions.get(Platform.TOUTIAO).get(request.path("code").asText());
            body = session == null ? toutiaoError(40018, "bad code")
                    : "{\"err_no\":0,\"err_tips\":\"success\",\"log_id\":\"2024010112000001EVERY\",\"data\":{\"session_key\":\""
                            + session.sessionKey() + "\",\"openid\":\"" + session.openId()
                            + "\",\"anonymous_openid\":\"\",\"unionid\":\"" + session.unionId() + "\"}}";
        }
        StubExchanges.answer(exchange, 200, "application/json; charset=utf-8", body);
    }

    private static String toutiaoError(int errNo, String tips) {
        return "{\"err_no\":" + errNo + ",\"err_tips\":\"" + tips + "\",\"log_id\":\"2024010112000002EVERY\",\"data\":{}}";
    }

    /** Baidu's {@code POST /oauth/jscode2sessionkey}, form {@code code, client_id (App Key), sk}; OAuth errors with HTTP 400. */
    private void baidu(HttpExchange exchange) throws IOException {
        calls.get(Platform.BAIDU).incrementAndGet();
        Map<String, String> form = StubExchanges.decodeForm(StubExchanges.body(exchange));
        App app = apps.get(Platform.BAIDU);
        if (!app.appId().equals(form.get("client_id")) || !app.secret().equals(form.get("sk"))) {
            StubExchanges.answer(exchange, 400, "application/json", "{\"error\":\"invalid_client\",\"error_description\":\"unknown client id\"}");
            return;
        }
        Session session = sessions.get(Platform.BAIDU).get(form.getOrDefault("code", ""));
        if (session == null) {
            StubExchanges.answer(exchange, 400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid authorization code\"}");
        } else {
            StubExchanges.answer(exchange, 200, "application/json",
                    "{\"openid\":\"" + session.openId() + "\",\"session_key\":\"" + session.sessionKey() + "\"}");
        }
    }

    /** Kuaishou's {@code POST /oauth2/mp/code2session}, form {@code app_id, app_secret, js_code}; success is {@code result} 1. */
    private void kuaishou(HttpExchange exchange) throws IOException {
        calls.get(Platform.KUAISHOU).incrementAndGet();
        Map<String, String> form = StubExchanges.decodeForm(StubExchanges.body(exchange));
        App app = apps.get(Platform.KUAISHOU);
        String body;
        if (!app.appId().equals(form.get("app_id")) || !app.secret().equals(form.get("app_secret"))) {
            body = "{\"result\":100200101,\"error_msg\":\"invalid app (made-up value)\"}";
        } else {
            Session session = sessions.get(Platform.KUAISHOU).get(form.getOrDefault("js_code", ""));
            body = session == null ? "{\"result\":100200100,\"error_msg\":\"invalid code (made-up value)\"}"
                    : "{\"result\":1,\"open_id\":\"" + session.openId() + "\",\"session_key\":\"" + session.sessionKey() + "\"}";
        }
        StubExchanges.answer(exchange, 200, "application/json;charset=UTF-8", body);
    }

    /** Alipay's gateway, method {@code alipay.system.oauth.token}: a signed form in, a signed node out. */
    private void alipay(HttpExchange exchange) throws IOException {
        calls.get(Platform.ALIPAY).incrementAndGet();
        Map<String, String> form = StubExchanges.decodeForm(StubExchanges.body(exchange));
        String node;
        AlipayGrant grant = null;
        if (!Rsa2.verify(signatureContent(form), form.getOrDefault("sign", ""), appPublicKey)) {
            node = alipayError("isv.invalid-signature", "验签出错");
        } else if (!apps.get(Platform.ALIPAY).appId().equals(form.get("app_id"))) {
            node = alipayError("isv.invalid-app-id", "无效的AppID参数");
        } else if (!"alipay.system.oauth.token".equals(form.get("method")) || !"RSA2".equals(form.get("sign_type"))
                || !"utf-8".equalsIgnoreCase(form.get("charset")) || !"1.0".equals(form.get("version"))
                || !"JSON".equalsIgnoreCase(form.getOrDefault("format", "JSON"))
                || !form.getOrDefault("timestamp", "").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
            node = alipayError("isv.invalid-parameter", "参数无效");
        } else if (!"authorization_code".equals(form.get("grant_type"))) {
            node = alipayError("isv.grant-type-invalid", "grant_type参数不正确");
        } else {
            grant = alipayGrants.get(form.getOrDefault("code", ""));
            node = grant == null ? alipayError("isv.code-invalid", "授权码code无效") : alipayToken(grant);
        }
        String name = grant == null ? "error_response" : ALIPAY_NODE;
        PrivateKey signer = grant != null && grant.forged() ? forgerKeys.getPrivate() : alipayKeys.getPrivate();
        StubExchanges.answer(exchange, 200, "text/html;charset=utf-8",
                "{\"" + name + "\":" + node + ",\"sign\":\"" + Rsa2.sign(node, signer) + "\"}");
    }

    private static String alipayToken(AlipayGrant grant) {
        StringJoiner node = new StringJoiner(",", "{", "}");
        if (!grant.userId().isEmpty()) {
            node.add("\"user_id\":\"" + grant.userId() + "\"");
        }
        if (!grant.openId().isEmpty()) {
            node.add("\"open_id\":\"" + grant.openId() + "\"");
        }
        node.add("\"access_token\":\"authusrBevery0001\"").add("\"expires_in\":1296000")
                .add("\"refresh_token\":\"authusrBevery0002\"").add("\"re_expires_in\":\"2592000\"")
                .add("\"auth_start\":\"2024-01-01 12:00:00\"");
        return node.toString();
    }

    private static String alipayError(String subCode, String subMsg) {
        return "{\"code\":\"40002\",\"msg\":\"Invalid Arguments\",\"sub_code\":\"" + subCode + "\",\"sub_msg\":\"" + subMsg + "\"}";
    }

    /** All parameters but {@code sign}, empty ones dropped, sorted by name, {@code k=v} with raw values joined by {@code &}. */
    private static String signatureContent(Map<String, String> params) {
        StringJoiner content = new StringJoiner("&");
        new TreeMap<>(params).forEach((name, value) -> {
            if (!name.equals("sign") && !value.isEmpty()) {
                content.add(name + "=" + value);
            }
        });
        return content.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
