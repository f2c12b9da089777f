package io.minipass.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM to the jar ({@code java -jar bootstrap/target/minipass.jar}, a process of its own) while concurrent logins
 * run against it: every request either gets its whole JSON answer or is refused at connect once the listener has
 * closed; none is cut off or answered with an error. WeChat's code exchange (a stub here) takes a second, so
 * logins are in flight when the signal comes.
 */
class GracefulShutdownIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EXCHANGE_DELAY = Duration.ofMillis(1500);
    private static final int SLOW_CLIENTS = 12;
    private static final int FAST_CLIENTS = 4;

    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private final Set<String> exchangedCodes = ConcurrentHashMap.newKeySet();
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

    /** What became of the requests; refused counts those reset in the listen backlog too. */
    record Tally(int completed, int completedAcrossTheSignal, int refused, List<String> failures, String log) {
    }

    @Test
    void sigterm_finishes_the_logins_in_flight_and_refuses_new_connections(@TempDir Path dir) throws Exception {
        Tally tally = loadThenSigterm(dir, "10s");
        assertThat(tally.failures()).as("requests cut off or answered with an error").isEmpty();
        assertThat(tally.completedAcrossTheSignal()).as("logins in flight at SIGTERM that completed").isGreaterThan(0);
        assertThat(tally.refused()).as("connections refused after the listener closed").isGreaterThan(0);
        assertThat(tally.log()).contains("Stopping: finishing the requests in flight");
        assertThat(tally.log().indexOf("Stopped HTTP server")).as("the pool closes after the HTTP server")
                .isPositive().isLessThan(tally.log().indexOf("Stopped database pool"));
    }

    @Test
    void without_a_grace_the_logins_in_flight_are_cut_off(@TempDir Path dir) throws Exception {
        // What the test above would see without a graceful stop: the harness does notice cut requests.
        Tally tally = loadThenSigterm(dir, "0");
        assertThat(tally.failures()).isNotEmpty();
    }

    private Tally loadThenSigterm(Path dir, String grace) throws Exception {
        HttpServer wechat = slowWechat();
        int port = freePort();
        Path log = dir.resolve("service.log");
        service = startJar(dir, log, port, wechat, grace);
        PackagedJar.awaitHealthy(service, port, log);

        AtomicInteger completed = new AtomicInteger();
        AtomicInteger completedAcross = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicLong signalled = new AtomicLong(Long.MAX_VALUE);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Unanswered> unanswered = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(SLOW_CLIENTS + FAST_CLIENTS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        for (int c = 0; c < SLOW_CLIENTS + FAST_CLIENTS; c++) {
            boolean slow = c < SLOW_CLIENTS;
            int client = c;
            clients.submit(() -> {
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    String id = "c" + client + "n" + i + "t" + System.nanoTime();
                    long sent = System.nanoTime();
                    boolean afterSignal = sent > signalled.get();
                    Outcome outcome = slow
                            ? post(port, "/api.php?s=user/appminiuserauth&application=app&application_client_type=weixin",
                                    "authcode=" + id)
                            : post(port, "/api.php?s=user/appminiuserinfo&application=app&application_client_type=weixin",
                                    "openid=o_" + id + "&auth_data=" + ServiceClient.enc("{\"nickName\":\"load\"}"));
                    if (outcome.refused()) {
                        refused.incrementAndGet();
                        return; // the listener is closed: this client is done
                    }
                    if (outcome.unanswered()) {
                        unanswered.add(new Unanswered(id, slow, afterSignal, outcome.failure()));
                        return;
                    }
                    if (outcome.failure() != null) {
                        failures.add((afterSignal ? "sent after" : "sent before") + " SIGTERM: " + outcome.failure());
                        return;
                    }
                    completed.incrementAndGet();
                    if (sent < signalled.get() && System.nanoTime() > signalled.get()) {
                        completedAcross.incrementAndGet();
                    }
                }
                failures.add("client " + client + " still connected at the deadline");
            });
        }
        Thread.sleep(EXCHANGE_DELAY.toMillis() + 700); // a round of logins completed, the next is in flight
        assertThat(completed.get()).as("logins before the signal").isPositive();
        signalled.set(System.nanoTime());
        service.destroy(); // SIGTERM
        clients.shutdown();
        assertThat(clients.awaitTermination(45, TimeUnit.SECONDS)).isTrue();
        assertThat(service.waitFor(20, TimeUnit.SECONDS)).as("the service exits").isTrue();
        // Linux resets the connections still waiting in the listen backlog when the listener closes: their connect
        // succeeded, yet the service never took them. Such a request is refused, not cut, when it was sent after the
        // signal and left no trace: WeChat's stub never got its code, the database holds no user for it.
        int resetInBacklog = 0;
        for (Unanswered request : unanswered) {
            boolean traced = request.slow() ? exchangedCodes.contains(request.id()) : userExists(dir, "o_" + request.id());
            if (request.connectedAfterSignal() && !traced) {
                resetInBacklog++;
            } else {
                failures.add((request.connectedAfterSignal() ? "sent after" : "sent before") + " SIGTERM, "
                        + (traced ? "begun by the service" : "") + ": " + request.error());
            }
        }
        System.out.printf("grace %s: %d logins completed (%d of them across SIGTERM), %d refused at connect, %d reset in the backlog, %d failed %s;"
                        + " exit %d, %d ms after SIGTERM%n", grace, completed.get(), completedAcross.get(), refused.get(), resetInBacklog,
                failures.size(), failures.stream().limit(3).toList(), service.exitValue(),
                (System.nanoTime() - signalled.get()) / 1_000_000);
        return new Tally(completed.get(), completedAcross.get(), refused.get() + resetInBacklog, List.copyOf(failures),
                Files.readString(log));
    }

    /**
     * @param refused    the connect was refused: the listener had closed
     * @param unanswered connected, then closed or reset before a single byte of an answer
     * @param failure    what was wrong with an answer, null when none
     */
    record Outcome(boolean refused, boolean unanswered, String failure) {
        static final Outcome ANSWERED = new Outcome(false, false, null);
        static final Outcome REFUSED = new Outcome(true, false, null);

        static Outcome failed(String failure) {
            return new Outcome(false, false, failure);
        }
    }

    /** A request that got no answer at all, to be judged once the service has gone. */
    record Unanswered(String id, boolean slow, boolean connectedAfterSignal, String error) {
    }

    /** One request on a connection of its own, read to its end, so that a cut answer cannot pass for a whole one. */
    private static Outcome post(int port, String pathAndQuery, String form) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        } catch (ConnectException refused) {
            return Outcome.REFUSED;
        } catch (IOException other) {
            return Outcome.failed("connect: " + other);
        }
        int received = 0;
        try (socket) {
            socket.setSoTimeout(30_000);
            byte[] body = form.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] bytes = in.readAllBytes();
            received = bytes.length;
            if (received == 0) {
                return new Outcome(false, true, "closed without an answer");
            }
            String answer = new String(bytes, StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            if (!answer.startsWith("HTTP/1.1 200 ") || split < 0) {
                return Outcome.failed("answer " + answer.lines().findFirst().orElse(""));
            }
            String head = answer.substring(0, split).toLowerCase();
            String payload = answer.substring(split + 4);
            int length = Integer.parseInt(head.replaceAll("(?s).*content-length: *(\\d+).*", "$1"));
            if (payload.getBytes(StandardCharsets.UTF_8).length != length) {
                return Outcome.failed("cut: " + payload.length() + " of " + length + " bytes");
            }
            JsonNode json = JSON.readTree(payload);
            if (json.get("code").asInt() != 0) {
                return Outcome.failed("answer " + payload);
            }
            return Outcome.ANSWERED;
        } catch (IOException e) {
            return received == 0 ? new Outcome(false, true, e.toString()) : Outcome.failed("cut: " + e);
        } catch (RuntimeException e) {
            return Outcome.failed(e.toString());
        }
    }

    /** WeChat's jscode2session, answering each code with an openid of its own after {@link #EXCHANGE_DELAY}. */
    private HttpServer slowWechat() throws IOException {
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        ExecutorService threads = Executors.newFixedThreadPool(64);
        stub.setExecutor(threads);
        stub.createContext("/sns/jscode2session", exchange -> {
            String code = exchange.getRequestURI().getRawQuery().replaceAll(".*js_code=([^&]*).*", "$1");
            exchangedCodes.add(code);
            try {
                Thread.sleep(EXCHANGE_DELAY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"openid\":\"o_" + code + "\",\"session_key\":\"tiihtNczf5v6AKRyjwEUhQ==\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        closeAfter.add(() -> {
            stub.stop(0);
            threads.shutdownNow();
        });
        return stub;
    }

    private static Process startJar(Path dir, Path log, int port, HttpServer wechat, String grace) throws IOException {
        return PackagedJar.serve(dir, log, Map.of(
                "MINIPASS_HOST", "127.0.0.1",
                "MINIPASS_PORT", Integer.toString(port),
                "MINIPASS_DB_URL", "jdbc:h2:file:" + dir.resolve("db") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
                "MINIPASS_SHUTDOWN_GRACE", grace,
                "MINIPASS_WEIXIN_APPID", "wx0123456789abcdef",
                "MINIPASS_REQUIRE_LOGIN_PROOF", "false",
                "MINIPASS_WEIXIN_SECRET", "0123456789abcdef0123456789abcdef",
                "MINIPASS_WEIXIN_BASE_URL", "http://127.0.0.1:" + wechat.getAddress().getPort(),
                "MINIPASS_BUDGET_CODE_EXCHANGE", "0/0/1m",
                "MINIPASS_BUDGET_REGISTRATION", "0/0/1m"));
    }

    private static boolean userExists(Path dir, String openId) {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE", "sa", "");
             PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM sxo_user WHERE weixin_openid = ?")) {
            query.setString(1, openId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
