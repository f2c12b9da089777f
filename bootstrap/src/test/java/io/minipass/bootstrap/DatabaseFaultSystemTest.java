package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.read.ListAppender;
import io.minipass.bootstrap.ServiceClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CONTRACT §8, last point: the service with MariaDB behind a {@link FaultyProxy} while four clients log
 * in without pause. The database dies, comes back, stalls (pooled connections included), and comes
 * back again: storage failures answer {@code -100} within their bounds, the health route answers
 * within a second, nobody is half-made, logins work again without a restart, and the log holds one
 * line per failed request, not a stack trace. Runs with the service's own logging (the jar's {@code logback.xml}).
 */
class DatabaseFaultSystemTest {
    private static final String SERVER_URL = System.getProperty("minipass.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
    private static final int CLIENTS = 4;
    /** Generous functional bounds, not benchmarks: the settings' defaults are 2 s and 5 s. */
    private static final long DEAD_BOUND_MILLIS = 4_000;
    private static final long STALL_BOUND_MILLIS = 8_000;
    private static final long HEALTH_BOUND_MILLIS = 1_000;

    private final String database = "minipass_fault_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final List<AutoCloseable> running = new ArrayList<>();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final AtomicInteger openIds = new AtomicInteger();
    private LoggerContext logging;
    private FaultyProxy proxy;
    private ServiceClient client;
    private HttpProbe probe;

    private record Login(String openId, long startedAt, long millis, int code, String msg) {
    }

    @BeforeEach
    void start() throws Exception {
        logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.reset();
        ShippedLogging.apply(logging, Map.of());
        captured.setContext(logging);
        captured.start();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(captured);

        asRoot("CREATE DATABASE " + database);
        running.add(() -> asRoot("DROP DATABASE IF EXISTS " + database));
        URI server = URI.create(SERVER_URL.substring("jdbc:".length()));
        proxy = new FaultyProxy(server.getHost(), server.getPort() < 0 ? 3306 : server.getPort());
        running.add(0, proxy);
        Map<String, String> env = new HashMap<>();
        env.put("MINIPASS_PORT", "0");
        env.put("MINIPASS_HOST", "127.0.0.1");
        env.put("MINIPASS_DB_URL", "jdbc:mysql://127.0.0.1:" + proxy.port() + "/" + database);
        env.put("MINIPASS_DB_USER", "root");
        // The clients register new users without pause from one address: with registrations as fast as they are
        // now, the per-address registration budget (300 a minute) would answer -429 before the faults are tried.
        env.put("MINIPASS_BUDGET_REGISTRATION", "0/0/1m");
        MinipassServer service = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), env)));
        running.add(0, service);
        client = new ServiceClient(service.port());
        probe = new HttpProbe(service.port());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
        logging.reset();
        new ContextInitializer(logging).autoConfig();
    }

    @Test
    void a_dead_then_stalled_database_answers_minus_100_in_bounded_time_and_logins_recover_without_a_restart()
            throws Exception {
        List<Login> warmUp = loginsFor(1_500);
        assertThat(warmUp).isNotEmpty().allSatisfy(login -> assertThat(login.code()).as(login.msg()).isZero());

        // (a) dead: live connections cut, new ones refused
        long deadAt = System.currentTimeMillis();
        proxy.refuse();
        List<Long> deadHealth = new ArrayList<>();
        List<Login> dead = loginsWhileProbing(6_000, deadHealth, false);
        List<Login> deadAfterSwitch = startedAfter(dead, deadAt);

        // back, so that the pool holds live connections again when the database stalls
        proxy.forward();
        awaitHealthy();
        Login backFromDead = firstSuccessfulLogin(10_000);
        List<Login> between = loginsFor(1_500);

        // (b) stalled: new connections hang, pooled ones stop getting bytes
        long stalledAt = System.currentTimeMillis();
        proxy.stall();
        List<Long> stalledHealth = new ArrayList<>();
        List<Login> stalled = loginsWhileProbing(12_000, stalledHealth, false);
        List<Login> stalledAfterSwitch = startedAfter(stalled, stalledAt);

        // (c) back again, no restart
        long healedAt = System.currentTimeMillis();
        proxy.forward();
        long healthyAfter = awaitHealthy() - healedAt;
        Login first = firstSuccessfulLogin(10_000);
        List<Login> after = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            after.add(login());
        }

        System.out.printf("DatabaseFaultSystemTest: dead: %d logins, slowest %d ms, codes %s; health slowest %d ms of %d%n",
                deadAfterSwitch.size(), slowest(deadAfterSwitch), codes(deadAfterSwitch), max(deadHealth), deadHealth.size());
        System.out.printf("DatabaseFaultSystemTest: stalled: %d logins, slowest %d ms, codes %s; health slowest %d ms of %d%n",
                stalledAfterSwitch.size(), slowest(stalledAfterSwitch), codes(stalledAfterSwitch), max(stalledHealth),
                stalledHealth.size());
        System.out.printf("DatabaseFaultSystemTest: recovered: health up %d ms after the database came back, first login after %d ms%n",
                healthyAfter, first.startedAt() + first.millis() - healedAt);

        assertThat(deadAfterSwitch).hasSizeGreaterThanOrEqualTo(CLIENTS).allSatisfy(login -> {
            assertThat(login.code()).as(login.msg()).isEqualTo(-100);
            assertThat(login.msg()).isEqualTo("系统繁忙，请稍后再试");
            assertThat(login.millis()).as("a login while the database is dead").isLessThan(DEAD_BOUND_MILLIS);
        });
        assertThat(deadHealth).isNotEmpty().allSatisfy(millis -> assertThat(millis).isLessThan(HEALTH_BOUND_MILLIS));
        assertThat(stalledAfterSwitch).hasSizeGreaterThanOrEqualTo(CLIENTS).allSatisfy(login -> {
            assertThat(login.code()).as(login.msg()).isEqualTo(-100);
            assertThat(login.millis()).as("a login while the database stalls").isLessThan(STALL_BOUND_MILLIS);
        });
        assertThat(stalledHealth).isNotEmpty().allSatisfy(millis -> assertThat(millis).isLessThan(HEALTH_BOUND_MILLIS));
        assertThat(between).allSatisfy(login -> assertThat(login.code()).as(login.msg()).isZero());
        assertThat(after).allSatisfy(login -> assertThat(login.code()).as(login.msg()).isZero());

        assertNobodyIsHalfMade(List.of(warmUp, dead, List.of(backFromDead), between, stalled, after, List.of(first)));
        assertOneLinePerFailureAndNoStackTrace(deadAfterSwitch.size() + stalledAfterSwitch.size());
    }

    @Test
    void health_says_the_database_is_down_within_a_second_and_readiness_answers_503() throws Exception {
        HttpProbe.Reply up = probe.get("/api/minipass/ready");
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.body()).contains("\"code\":0");

        proxy.stall();
        for (int i = 0; i < 3; i++) {
            HttpProbe.Reply health = probe.get("/api/minipass/health");
            HttpProbe.Reply ready = probe.get("/api/minipass/ready");
            System.out.printf("DatabaseFaultSystemTest: stalled: health %d ms, ready %d ms%n", health.millis(), ready.millis());
            assertThat(health.millis()).isLessThan(HEALTH_BOUND_MILLIS);
            assertThat(health.status()).as("liveness: the process serves").isEqualTo(200);
            assertThat(health.body()).contains("\"code\":-100");
            assertThat(ready.millis()).isLessThan(HEALTH_BOUND_MILLIS);
            assertThat(ready.status()).as("readiness: take it out of the load balancer").isEqualTo(503);
            assertThat(ready.body()).contains("\"code\":-100");
        }
        proxy.refuse();
        HttpProbe.Reply deadReady = probe.get("/api/minipass/ready");
        assertThat(deadReady.millis()).isLessThan(HEALTH_BOUND_MILLIS);
        assertThat(deadReady.status()).isEqualTo(503);

        proxy.forward();
        awaitHealthy();
        assertThat(probe.get("/api/minipass/ready").status()).isEqualTo(200);
    }

    private List<Login> loginsFor(long millis) throws Exception {
        return loginsWhileProbing(millis, new ArrayList<>(), true);
    }

    /** {@value #CLIENTS} clients log in without pause for the time given; meanwhile the health route is timed. */
    private List<Login> loginsWhileProbing(long millis, List<Long> healthMillis, boolean expectUp) throws Exception {
        ConcurrentLinkedQueue<Login> logins = new ConcurrentLinkedQueue<>();
        AtomicBoolean go = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int i = 0; i < CLIENTS; i++) {
                pool.submit(() -> {
                    while (go.get()) {
                        logins.add(login());
                    }
                    return null;
                });
            }
            long end = System.currentTimeMillis() + millis;
            while (System.currentTimeMillis() < end) {
                Thread.sleep(400);
                HttpProbe.Reply health = probe.get("/api/minipass/health");
                healthMillis.add(health.millis());
                assertThat(health.body()).contains(expectUp ? "\"code\":0" : "\"code\":-100");
            }
            go.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(40, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(logins);
    }

    private Login login() {
        String openId = "o-fault-" + openIds.incrementAndGet();
        long start = System.currentTimeMillis();
        Answer answer = client.postJson("user/appminiuserinfo", "application=app&application_client_type=weixin",
                Map.of("openid", openId, "auth_data", ServiceClient.json(Map.of("nickName", "断线" + openId))));
        return new Login(openId, start, System.currentTimeMillis() - start, answer.code(), answer.msg());
    }

    private Login firstSuccessfulLogin(long withinMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + withinMillis;
        Login login = login();
        while (login.code() != 0 && System.currentTimeMillis() < end) {
            Thread.sleep(200);
            login = login();
        }
        assertThat(login.code()).as("a login after the database came back: %s", login.msg()).isZero();
        return login;
    }

    /** @return when the health route first said the database is up */
    private long awaitHealthy() throws Exception {
        long end = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < end) {
            if (probe.get("/api/minipass/health").body().contains("\"code\":0")) {
                return System.currentTimeMillis();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the health route never said the database is back");
    }

    private static List<Login> startedAfter(List<Login> logins, long switchedAt) {
        return logins.stream().filter(login -> login.startedAt() >= switchedAt).toList();
    }

    private static long slowest(List<Login> logins) {
        return logins.stream().mapToLong(Login::millis).max().orElse(-1);
    }

    private static long max(List<Long> millis) {
        return millis.stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    private static Map<Integer, Long> codes(List<Login> logins) {
        Map<Integer, Long> codes = new HashMap<>();
        logins.forEach(login -> codes.merge(login.code(), 1L, Long::sum));
        return codes;
    }

    /**
     * Whatever the answer, each openid has at most one user, and every user has its openid claim and its issued
     * token: a registration is written whole or not at all. A login answered 0 has its user.
     */
    private void assertNobodyIsHalfMade(List<List<Login>> phases) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER_URL + database, "root", "")) {
            for (List<Login> phase : phases) {
                for (Login login : phase) {
                    int rows = count(connection, "SELECT COUNT(*) FROM sxo_user WHERE BINARY weixin_openid = ?", login.openId());
                    assertThat(rows).as("users with openid %s (answered %d)", login.openId(), login.code())
                            .isEqualTo(login.code() == 0 ? 1 : rows).isLessThanOrEqualTo(1);
                }
            }
            assertThat(count(connection, "SELECT COUNT(*) FROM sxo_user", null)).isPositive();
            assertThat(count(connection, "SELECT COUNT(*) FROM sxo_user u LEFT JOIN sxo_minipass_openid_claim c"
                    + " ON c.platform = 'weixin' AND c.openid = CAST(u.weixin_openid AS BINARY) AND c.user_id = u.id"
                    + " WHERE c.user_id IS NULL", null)).as("users without their claim").isZero();
            assertThat(count(connection, "SELECT COUNT(*) FROM sxo_minipass_openid_claim c LEFT JOIN sxo_user u"
                    + " ON u.id = c.user_id WHERE u.id IS NULL", null)).as("claims without their user").isZero();
            assertThat(count(connection, "SELECT COUNT(*) FROM sxo_user u LEFT JOIN sxo_minipass_token t"
                    + " ON t.user_id = u.id AND t.token = u.token WHERE t.user_id IS NULL", null))
                    .as("users without their issued token").isZero();
            assertThat(count(connection, "SELECT COUNT(*) FROM sxo_minipass_token t LEFT JOIN sxo_user u"
                    + " ON u.id = t.user_id WHERE u.id IS NULL", null)).as("issued tokens without their user").isZero();
        }
    }

    private void assertOneLinePerFailureAndNoStackTrace(int failedLogins) {
        List<ILoggingEvent> events = List.copyOf(captured.list);
        List<ILoggingEvent> withStackTraces = events.stream().filter(event -> event.getThrowableProxy() != null).toList();
        List<ILoggingEvent> failureLines = events.stream()
                .filter(event -> event.getLoggerName().startsWith("io.minipass.adapters.web"))
                .filter(event -> event.getLevel() == Level.WARN)
                .toList();
        List<String> outageLines = events.stream()
                .filter(event -> event.getLoggerName().startsWith("io.minipass.adapters.persistence"))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
        System.out.printf("DatabaseFaultSystemTest: %d log lines, %d with a stack trace, %d failure lines for %d failed logins%n",
                events.size(), withStackTraces.size(), failureLines.size(), failedLogins);
        outageLines.forEach(line -> System.out.println("DatabaseFaultSystemTest: outage line: " + line));
        failureLines.stream().limit(3).forEach(line ->
                System.out.println("DatabaseFaultSystemTest: failure line: " + line.getFormattedMessage()));

        assertThat(withStackTraces).as("log events with a stack trace: %s",
                withStackTraces.stream().map(ILoggingEvent::getFormattedMessage).limit(5).toList()).isEmpty();
        assertThat(failureLines).hasSizeGreaterThanOrEqualTo(failedLogins)
                .allSatisfy(line -> assertThat(line.getFormattedMessage()).doesNotContain("\n"));
        assertThat(outageLines).anySatisfy(line -> assertThat(line).contains("requests failed"));
        assertThat(outageLines).anySatisfy(line -> assertThat(line).contains("available again"));
    }

    private static int count(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void asRoot(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
