package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import com.sun.net.httpserver.HttpServer;
import io.minipass.bootstrap.ServiceClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The running service under requests meant to exhaust it: each costs bounded work and leaves others served. */
class DenialOfServiceSystemTest {
    private static final String WEIXIN = "application=app&application_client_type=weixin";

    private final List<AutoCloseable> running = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private MinipassServer server;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
    }

    private ServiceClient start() {
        env.put("MINIPASS_PORT", "0");
        env.put("MINIPASS_HOST", "127.0.0.1");
        env.putIfAbsent("MINIPASS_DB_URL", "jdbc:h2:mem:dos_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        server = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), env)));
        running.add(0, server);
        return new ServiceClient(server.port());
    }

    @Test
    void number_bombs_are_bad_json_whether_in_the_body_or_in_auth_data_and_store_nothing() throws Exception {
        ServiceClient client = start();

        Answer inBody = client.postJsonText("user/appminiuserinfo", WEIXIN,
                "{\"openid\":1e999999999,\"auth_data\":{\"nickName\":\"n\"}}");
        Answer inAuthDataObject = client.postJsonText("user/appminiuserinfo", WEIXIN,
                "{\"openid\":\"oBomb000000000000000000001\",\"auth_data\":{\"nickName\":1e999999999}}");
        Answer inAuthDataText = client.postJsonText("user/appminiuserinfo", WEIXIN,
                "{\"openid\":\"oBomb000000000000000000002\",\"auth_data\":\"{\\\"nickName\\\":-1E-999999999}\"}");

        assertThat(List.of(inBody, inAuthDataObject)).allSatisfy(answer -> {
            assertThat(answer.code()).isEqualTo(-1);
            assertThat(answer.msg()).isEqualTo("请求的JSON数据格式有误");
        });
        assertThat(inAuthDataText.code()).isEqualTo(-1);
        assertThat(inAuthDataText.msg()).isEqualTo("授权数据格式有误");
        assertThat(storedUsers()).isZero();
    }

    @Test
    void bodies_trickling_in_hold_no_thread_and_are_dropped_at_the_body_timeout() throws Exception {
        env.put("MINIPASS_BODY_TIMEOUT", "3s");
        ServiceClient client = start();
        Map<String, String> returning = new HashMap<>(MinipassSystemTest.seedForm());
        assertThat(client.postForm("user/appminiuserinfo", WEIXIN, returning).code()).as("first login, unhurried").isZero();
        List<Socket> tricklers = new ArrayList<>();
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < 300; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write(("POST /api.php?s=user/appminiuserinfo&" + WEIXIN + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\no")
                        .getBytes(StandardCharsets.US_ASCII));
                tricklers.add(socket);
            }
            drip.scheduleAtFixedRate(() -> tricklers.forEach(DenialOfServiceSystemTest::sendOneByte), 2, 2, TimeUnit.SECONDS);

            long started = System.nanoTime();
            Answer login = client.postForm("user/appminiuserinfo", WEIXIN, returning);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("a login answered in %d ms beside 300 trickling bodies%n", took.toMillis());

            assertThat(login.code()).as(login.body()).isZero();
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            for (Socket socket : tricklers) {
                assertThat(readUntilDropped(socket)).as("a trickling connection is dropped").isTrue();
            }
        } finally {
            drip.shutdownNow();
            for (Socket socket : tricklers) {
                socket.close();
            }
        }
    }

    @Test
    void platform_calls_beyond_the_limit_fail_at_once_and_the_service_keeps_answering() throws Exception {
        CountDownLatch platformMayAnswer = new CountDownLatch(1);
        AtomicInteger platformCalls = new AtomicInteger();
        HttpServer platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService platformThreads = Executors.newCachedThreadPool();
        platform.setExecutor(platformThreads);
        platform.createContext("/sns/jscode2session", exchange -> {
            platformCalls.incrementAndGet();
            try {
                platformMayAnswer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"errcode\":40029,\"errmsg\":\"invalid code\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        platform.start();
        running.add(() -> {
            platformMayAnswer.countDown();
            platform.stop(0);
            platformThreads.shutdownNow();
        });
        env.put("MINIPASS_WEIXIN_APPID", "wx0000000000000001");
        env.put("MINIPASS_REQUIRE_LOGIN_PROOF", "false");
        env.put("MINIPASS_WEIXIN_SECRET", "secret");
        env.put("MINIPASS_WEIXIN_BASE_URL", "http://127.0.0.1:" + platform.getAddress().getPort());
        env.put("MINIPASS_PLATFORM_TIMEOUT", "30s");
        env.put("MINIPASS_PLATFORM_MAX_CONCURRENT", "20");
        ServiceClient client = start();
        ExecutorService clientThreads = Executors.newCachedThreadPool();
        running.add(0, clientThreads::shutdownNow);
        HttpClient http = HttpClient.newBuilder().executor(clientThreads).build();

        List<CompletableFuture<HttpResponse<String>>> logins = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            logins.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                                    + "/api.php?s=user/appminiuserauth&" + WEIXIN))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"authcode\":\"code-" + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        List<String> answeredWhileThePlatformStalls = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (answeredWhileThePlatformStalls.size() < 380 && System.nanoTime() < deadline) {
            answeredWhileThePlatformStalls.clear();
            logins.stream().filter(CompletableFuture::isDone).forEach(done -> answeredWhileThePlatformStalls.add(done.join().body()));
            Thread.sleep(50);
        }
        Answer tokenLookup = client.get("/api.php?s=user/tokenuserinfo&token=0123456789abcdef0123456789abcdef");

        assertThat(answeredWhileThePlatformStalls).hasSize(380)
                .allSatisfy(body -> assertThat(body).contains("\"msg\":\"微信接口繁忙，请稍后再试\"", "\"code\":-1"));
        assertThat(tokenLookup.code()).isEqualTo(-400);
        assertThat(platformCalls).hasValue(20);
        platformMayAnswer.countDown();
        for (CompletableFuture<HttpResponse<String>> login : logins) {
            assertThat(login.get(30, TimeUnit.SECONDS).body()).contains("\"code\":-1");
        }
    }

    private static void sendOneByte(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write('x');
            out.flush();
        } catch (IOException dropped) {
            // the service has closed it: what the test waits for
        }
    }

    /** True when the service closes the connection (after an answer or not); false when it is still open after the read timeout. */
    private static boolean readUntilDropped(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
                // the answer, if the connection was closed gracefully
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    private long storedUsers() throws Exception {
        try (Connection connection = DriverManager.getConnection(env.get("MINIPASS_DB_URL"), "sa", "");
             ResultSet rows = connection.createStatement().executeQuery("select count(*) from sxo_user")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
