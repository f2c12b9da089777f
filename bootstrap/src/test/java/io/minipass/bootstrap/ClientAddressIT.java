package io.minipass.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service behind a trusting configuration ({@code MINIPASS_TRUST_PROXY_HEADERS=true}, the proxy on
 * this machine): a client that rotates what it puts in {@code X-Forwarded-For} still spends the one code-exchange
 * budget of the address the proxy saw, and the access log names that address (docs/security.md#attempt-budgets).
 */
class ClientAddressIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUDGET = 3;
    private static final String AUTH = "/api.php?s=user/appminiuserauth&application=app&application_client_type=weixin";

    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private Process service;

    @AfterEach
    void stop() throws Exception {
        if (service != null && service.isAlive()) {
            service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (AutoCloseable closeable : closeAfter) {
            closeable.close();
        }
    }

    @Test
    void a_client_rotating_spoofed_forwarded_for_entries_spends_the_one_budget_of_the_address_the_proxy_saw(
            @TempDir Path dir) throws Exception {
        int port = start(dir);
        List<Integer> haproxy = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < BUDGET + 3; i++) {
            // HAProxy's option forwardfor adds a line of its own after the client's.
            haproxy.add(authorize(port, "h" + i, "X-Forwarded-For: 198.51.100." + (i + 1), "X-Forwarded-For: 203.0.113.7"));
            // A proxy that writes the client's port too.
            ports.add(authorize(port, "p" + i, "X-Forwarded-For: 192.0.2.1, 203.0.113.9:" + (40_000 + i)));
        }

        assertThat(haproxy).as("one budget for 203.0.113.7").containsExactly(0, 0, 0, -429, -429, -429);
        assertThat(ports).as("one budget for 203.0.113.9").containsExactly(0, 0, 0, -429, -429, -429);
        assertThat(authorize(port, "other", "X-Forwarded-For: 203.0.113.8")).as("another address").isZero();
        String log = Files.readString(dir.resolve("service.log"));
        assertThat(log).contains("client=203.0.113.7").contains("client=203.0.113.9").doesNotContain("client=198.51.100.")
                .doesNotContain("client=203.0.113.9:");
    }

    /** @return the envelope's code */
    private static int authorize(int port, String code, String... headers) throws IOException {
        byte[] body = ("authcode=" + code).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + AUTH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + String.join("\r\n", headers)
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).get("code").asInt();
        }
    }

    private int start(Path dir) throws Exception {
        HttpServer wechat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        wechat.createContext("/sns/jscode2session", exchange -> {
            String code = exchange.getRequestURI().getRawQuery().replaceAll(".*js_code=([^&]*).*", "$1");
            byte[] answer = ("{\"openid\":\"o_" + code + "\",\"session_key\":\"tiihtNczf5v6AKRyjwEUhQ==\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        wechat.start();
        closeAfter.add(() -> wechat.stop(0));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dir.resolve("service.log");
        service = PackagedJar.serve(dir, log, Map.of(
                "MINIPASS_HOST", "127.0.0.1",
                "MINIPASS_PORT", Integer.toString(port),
                "MINIPASS_DB_URL", "jdbc:h2:file:" + dir.resolve("db") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
                "MINIPASS_WEIXIN_APPID", "wx0123456789abcdef",
                "MINIPASS_WEIXIN_SECRET", "0123456789abcdef0123456789abcdef",
                "MINIPASS_WEIXIN_BASE_URL", "http://127.0.0.1:" + wechat.getAddress().getPort(),
                "MINIPASS_TRUST_PROXY_HEADERS", "true",
                "MINIPASS_REQUIRE_LOGIN_PROOF", "true",
                "MINIPASS_BUDGET_CODE_EXCHANGE", BUDGET + "/0/1h"));
        PackagedJar.awaitHealthy(service, port, log);
        return port;
    }
}
