package io.minipass.adapters.platforms.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WeChat's stable_token and getuserphonenumber on 127.0.0.1, answering as PLATFORMS.md documents:
 * HTTP 200 with an {@code errcode} on errors, a token that stays valid until {@link #invalidateToken()},
 * content types that are not always {@code application/json}.
 */
public final class WechatStub implements AutoCloseable {
    public static final String APPID = "wxDemoAppid000001";
    public static final String SECRET = "demoSecret0123456789abcdef012345";

    public final AtomicInteger tokenFetches = new AtomicInteger();
    public final AtomicInteger phoneCalls = new AtomicInteger();
    public final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    public final List<String> phoneRequests = new CopyOnWriteArrayList<>();
    public final List<String> phoneTokens = new CopyOnWriteArrayList<>();
    /** Answers given, one per call, before the default behaviour. */
    public final Queue<String> scriptedTokenAnswers = new ConcurrentLinkedQueue<>();
    public final Queue<String> scriptedPhoneAnswers = new ConcurrentLinkedQueue<>();
    public volatile long tokenDelayMillis;
    public volatile long phoneDelayMillis;
    public volatile long expiresIn = 7200;
    public volatile int phoneHttpStatus = 200;
    public volatile String phoneInfo = "{\"phoneNumber\":\"13800138000\",\"purePhoneNumber\":\"13800138000\",\"countryCode\":\"86\","
            + "\"watermark\":{\"timestamp\":1700000000,\"appid\":\"" + APPID + "\"}}";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile String validToken;

    public WechatStub() throws IOException {
        server = StubExchanges.loopbackServer();
        server.createContext("/cgi-bin/stable_token", this::stableToken);
        server.createContext("/wxa/business/getuserphonenumber", this::phoneNumber);
        server.setExecutor(executor);
        server.start();
    }

    public URI baseUrl() {
        return URI.create(StubExchanges.baseUrl(server));
    }

    /** WeChat no longer accepts the token it last issued (as after a force refresh elsewhere). */
    public void invalidateToken() {
        validToken = "none";
    }

    private void stableToken(HttpExchange exchange) throws IOException {
        tokenRequests.add(exchange.getRequestMethod() + " " + StubExchanges.body(exchange));
        int fetch = tokenFetches.incrementAndGet();
        pause(tokenDelayMillis);
        String scripted = scriptedTokenAnswers.poll();
        if (scripted != null) {
            answer(exchange, "text/plain", scripted);
            return;
        }
        validToken = "TOKEN-" + fetch;
        answer(exchange, "text/plain", "{\"access_token\":\"" + validToken + "\",\"expires_in\":" + expiresIn + "}");
    }

    private void phoneNumber(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String token = query != null && query.startsWith("access_token=") ? query.substring("access_token=".length()) : "";
        phoneTokens.add(token);
        phoneRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type")
                + " " + StubExchanges.body(exchange));
        phoneCalls.incrementAndGet();
        pause(phoneDelayMillis);
        String scripted = scriptedPhoneAnswers.poll();
        if (scripted != null) {
            StubExchanges.answer(exchange, phoneHttpStatus, "application/json; encoding=utf-8", scripted);
        } else if (!token.equals(validToken)) {
            answer(exchange, "application/json; encoding=utf-8",
                    "{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid or not latest, rid: 6500-demo\"}");
        } else {
            answer(exchange, "application/json; encoding=utf-8",
                    "{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":" + phoneInfo + "}");
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, String contentType, String body) {
        StubExchanges.answer(exchange, 200, contentType, body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
