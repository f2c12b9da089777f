package io.minipass.adapters.platforms.stub;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the platforms' code-to-session APIs on 127.0.0.1: each login code answers the
 * openid, unionid and session key registered for it, as WeChat and Baidu document their answers.
 */
public final class PlatformStub implements AutoCloseable {
    public record Session(String openId, String unionId, String sessionKey) {
    }

    private final HttpServer server;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> phones = new ConcurrentHashMap<>();
    private volatile String appId = "";
    private final AtomicInteger phoneCalls = new AtomicInteger();
    private final AtomicInteger longestPhoneCode = new AtomicInteger();

    public PlatformStub() throws IOException {
        server = StubExchanges.loopbackServer();
        server.createContext("/sns/jscode2session", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String code = query.replaceAll(".*js_code=([^&]*).*", "$1");
            Session session = sessions.get(code);
            String body = session == null
                    ? "{\"errcode\":40029,\"errmsg\":\"invalid code, rid: 65f3e9f7-77cf1a1c\"}"
                    : "{\"openid\":\"" + session.openId() + "\",\"session_key\":\"" + session.sessionKey() + "\""
                            + (session.unionId().isEmpty() ? "" : ",\"unionid\":\"" + session.unionId() + "\"") + "}";
            StubExchanges.answer(exchange, 200, "text/plain", body);
        });
        server.createContext("/oauth/jscode2sessionkey", exchange -> {
            String form = StubExchanges.body(exchange);
            String code = form.replaceAll(".*(?:^|&)code=([^&]*).*", "$1");
            Session session = sessions.get(code);
            if (session == null) {
                StubExchanges.answer(exchange, 400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid authorization code\"}");
            } else {
                StubExchanges.answer(exchange, 200, "application/json",
                        "{\"openid\":\"" + session.openId() + "\",\"session_key\":\"" + session.sessionKey() + "\"}");
            }
        });
        server.createContext("/cgi-bin/stable_token", exchange ->
                StubExchanges.answer(exchange, 200, "application/json", "{\"access_token\":\"ACCESS_TOKEN_1\",\"expires_in\":7200}"));
        server.createContext("/wxa/business/getuserphonenumber", exchange -> {
            String body = StubExchanges.body(exchange);
            String code = body.replaceAll(".*\"code\"\\s*:\\s*\"([^\"]*)\".*", "$1");
            phoneCalls.incrementAndGet();
            longestPhoneCode.accumulateAndGet(code.length(), Math::max);
            String phone = phones.get(code);
            boolean tokenOk = exchange.getRequestURI().getRawQuery().contains("access_token=ACCESS_TOKEN_1");
            StubExchanges.answer(exchange, 200, "application/json", phone == null || !tokenOk
                    ? "{\"errcode\":40029,\"errmsg\":\"invalid code\"}"
                    : "{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":{\"phoneNumber\":\"" + phone
                            + "\",\"purePhoneNumber\":\"" + phone + "\",\"countryCode\":\"86\",\"watermark\":{\"timestamp\":1700000000,\"appid\":\"" + appId + "\"}}}");
        });
        server.start();
    }

    public void willAnswer(String code, Session session) {
        sessions.put(code, session);
    }

    /** WeChat's phone button code {@code code} proves {@code phone} for the app {@code appId}. */
    public void willProvePhone(String appId, String code, String phone) {
        this.appId = appId;
        phones.put(code, phone);
    }

    /** The {@code getuserphonenumber} calls this stub answered. */
    public int phoneCalls() {
        return phoneCalls.get();
    }

    /** The longest phone button code a {@code getuserphonenumber} call sent. */
    public int longestPhoneCode() {
        return longestPhoneCode.get();
    }

    public String baseUrl() {
        return StubExchanges.baseUrl(server);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
