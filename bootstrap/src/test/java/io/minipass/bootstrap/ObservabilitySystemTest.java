package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.observability.ServiceMetrics;
import io.minipass.bootstrap.wiring.MinipassServer;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.minipass.bootstrap.ServiceClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service over HTTP: {@code /metrics} in Prometheus' text after logins (the counters they moved), on the API's
 * port or on the management port only; and the access log of those logins, which names no token or openid.
 */
class ObservabilitySystemTest {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
    }

    @Test
    void logins_move_the_counters_that_metrics_shows_on_the_api_port() throws Exception {
        MinipassServer server = start(Map.of());
        ServiceClient client = new ServiceClient(server.port());
        String before = scrape(server.port());
        assertThat(before).contains("# TYPE minipass_token_cache_requests_total counter")
                .contains("# TYPE minipass_db_conflicts_total counter")
                .contains("minipass_db_conflicts_total{outcome=\"retried\"} 0.0")
                .contains("minipass_db_conflicts_total{outcome=\"given_up\"} 0.0");

        // WeChat (the development gateway) registers at the code exchange, then the same person returns
        Answer registered = client.postJson("user/appminiuserauth", query("weixin"), Map.of("authcode", "metrics-code-1"));
        assertThat(registered.code()).as(registered.body()).isZero();
        assertThat(client.postJson("user/appminiuserauth", query("weixin"), Map.of("authcode", "metrics-code-1")).code()).isZero();
        String token = client.postJson("user/appminiuserauth", query("weixin"), Map.of("authcode", "metrics-code-1"))
                .data().get("token").asText();
        // a token look-up goes to the database once, then is served from memory
        assertThat(client.get("/api.php?s=user/tokenuserinfo&token=" + token).code()).isZero();
        assertThat(client.get("/api.php?s=user/tokenuserinfo&token=" + token).code()).isZero();
        // an openid no code exchange vouched for
        Answer unproven = client.postJson("user/appminiuserinfo", query("toutiao"),
                Map.of("openid", "unproven-openid-1", "auth_data", Map.of("nickName", "n")));
        assertThat(unproven.code()).isEqualTo(-1);
        // two invalid tokens spend the budget of this address, the third is refused before any look-up
        String guess = "g".repeat(32);
        assertThat(client.get("/api.php?s=user/tokenuserinfo&token=" + guess).code()).isEqualTo(-400);
        assertThat(client.get("/api.php?s=user/tokenuserinfo&token=" + guess).code()).isEqualTo(-400);
        assertThat(client.get("/api.php?s=user/tokenuserinfo&token=" + guess).code()).isEqualTo(-429);

        // a request is counted once its answer's last byte is out, which the client may see first: wait for the last one
        String after = scrapeUntil(server.port(), scrape -> moved(before, scrape, "minipass_http_requests_seconds_count",
                Map.of("route", "user/tokenuserinfo", "code", "-429")) >= 1);
        assertThat(moved(before, after, "minipass_logins_total", Map.of("route", "user/appminiuserauth",
                "platform", "weixin", "outcome", "registered", "reason", "none"))).isEqualTo(1);
        assertThat(moved(before, after, "minipass_logins_total", Map.of("route", "user/appminiuserauth",
                "platform", "weixin", "outcome", "returning"))).isEqualTo(2);
        assertThat(moved(before, after, "minipass_logins_total", Map.of("route", "user/appminiuserinfo",
                "platform", "toutiao", "outcome", "refused", "reason", "unproven"))).isEqualTo(1);
        assertThat(moved(before, after, "minipass_platform_calls_seconds_count", Map.of("platform", "weixin",
                "operation", "code_exchange", "result", "ok"))).isEqualTo(3);
        assertThat(moved(before, after, "minipass_budget_refusals_total", Map.of("attempt", "failed_token_lookup"))).isEqualTo(1);
        // one miss for the valid token, and one per invalid token looked up; one hit
        assertThat(moved(before, after, "minipass_token_cache_requests_total", Map.of("result", "hit"))).isEqualTo(1);
        assertThat(moved(before, after, "minipass_token_cache_requests_total", Map.of("result", "miss"))).isEqualTo(3);
        assertThat(moved(before, after, "minipass_http_requests_seconds_count", Map.of("route", "user/appminiuserauth",
                "method", "POST", "status", "200", "code", "0"))).isEqualTo(3);
        assertThat(moved(before, after, "minipass_http_requests_seconds_count", Map.of("route", "user/tokenuserinfo",
                "code", "-400"))).isEqualTo(2);
        assertThat(moved(before, after, "minipass_http_requests_seconds_count", Map.of("route", "user/tokenuserinfo",
                "code", "-429"))).isEqualTo(1);
        assertThat(value(after, "minipass_http_requests_seconds_bucket", Map.of("route", "user/appminiuserauth",
                "code", "0", "le", "+Inf"))).isEqualTo(3);
        // the scrape before this one was answered and counted too, as plain text
        assertThat(value(after, "minipass_http_requests_seconds_count", Map.of("route", "metrics", "code", "none")))
                .isGreaterThanOrEqualTo(1);
        // HikariCP's own binding and the JVM's
        assertThat(value(after, "hikaricp_connections_max", Map.of("pool", "minipass-db"))).isEqualTo(10);
        assertThat(after).contains("hikaricp_connections_acquire_seconds_count{pool=\"minipass-db\"}",
                "jvm_memory_used_bytes{", "jvm_threads_live_threads ", "process_uptime_seconds ", "system_cpu_count ",
                "jvm_gc_", "process_files_open_files ");
    }

    @Test
    void from_the_start_every_known_counter_is_exported_at_zero_with_the_build_readiness_and_shared_state() throws Exception {
        MinipassServer server = start(Map.of());

        String start = scrape(server.port());
        assertThat(samples(start, "minipass_logins_total", Map.of("route", "user/appminiuserinfo", "platform", "alipay",
                "outcome", "refused", "reason", "platform_refused"))).containsExactly(0.0);
        assertThat(samples(start, "minipass_logins_total", Map.of("route", "user/appminiuserauth", "platform", "kuaishou",
                "outcome", "refused", "reason", "misconfigured"))).containsExactly(0.0);
        assertThat(samples(start, "minipass_logins_total", Map.of("route", "user/onekeyusermobilebind", "platform", "qq",
                "outcome", "bound_by_mobile", "reason", "none"))).containsExactly(0.0);
        assertThat(samples(start, "minipass_budget_refusals_total", Map.of("attempt", "code_exchange"))).containsExactly(0.0);
        assertThat(samples(start, "minipass_budget_refusals_total", Map.of("attempt", "failed_phone_verification")))
                .containsExactly(0.0);
        assertThat(samples(start, "minipass_platform_calls_seconds_count", Map.of("platform", "toutiao",
                "operation", "code_exchange", "result", "timeout"))).containsExactly(0.0);
        assertThat(samples(start, "minipass_http_requests_seconds_count", Map.of("route", "user/appminiuserinfo",
                "method", "POST", "status", "200", "code", "0"))).containsExactly(0.0);
        BuildInfo build = BuildInfo.ofThisJar();
        assertThat(build.version()).isEqualTo("1.0.0");
        assertThat(samples(start, "minipass_build_info", Map.of("version", build.version(), "commit", build.commit())))
                .containsExactly(1.0);
        assertThat(samples(start, "minipass_ready", Map.of())).containsExactly(1.0);
        assertThat(samples(start, "minipass_shared_state_up", Map.of("store", "memory"))).containsExactly(1.0);
        assertThat(samples(start, "minipass_shared_state_failures_total", Map.of("store", "memory"))).containsExactly(0.0);
    }

    @Test
    void with_redis_the_metrics_say_whether_it_answers() throws Exception {
        MinipassServer server = start(Map.of(
                "MINIPASS_REDIS_URL", System.getProperty("minipass.test.redis.url", "redis://127.0.0.1:6379"),
                "MINIPASS_REDIS_KEY_PREFIX", "minipass-metrics-" + UUID.randomUUID() + ":",
                "MINIPASS_REDIS_SESSION_KEY_SECRET", Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)),
                "MINIPASS_REDIS_TIMEOUT", "1s"));

        String start = scrape(server.port());
        assertThat(samples(start, "minipass_shared_state_up", Map.of("store", "redis"))).containsExactly(1.0);
        assertThat(samples(start, "minipass_shared_state_failures_total", Map.of("store", "redis"))).containsExactly(0.0);
        assertThat(samples(start, "minipass_shared_state_up", Map.of("store", "memory"))).isEmpty();
    }

    @Test
    void a_platform_without_credentials_counts_as_misconfigured_not_as_bad_input() throws Exception {
        MinipassServer server = start(Map.of("MINIPASS_PROFILE", "production", "MINIPASS_MANAGEMENT_PORT", "0"));
        int management = server.managementPort().orElseThrow();
        String before = scrape(management);

        Answer refused = new ServiceClient(server.port()).postJson("user/appminiuserauth", query("baidu"),
                Map.of("authcode", "misconfigured-code-1"));

        assertThat(refused.code()).as(refused.body()).isEqualTo(-1);
        assertThat(refused.msg()).isEqualTo("百度小程序未配置");
        String after = scrape(management);
        assertThat(moved(before, after, "minipass_logins_total", Map.of("route", "user/appminiuserauth",
                "platform", "baidu", "outcome", "refused", "reason", "misconfigured"))).isEqualTo(1);
        assertThat(moved(before, after, "minipass_logins_total", Map.of("reason", "bad_input"))).isZero();
    }

    @Test
    void with_a_management_port_metrics_are_served_there_only() throws Exception {
        MinipassServer server = start(Map.of("MINIPASS_MANAGEMENT_PORT", "0"));
        int management = server.managementPort().orElseThrow();
        assertThat(management).isNotEqualTo(server.port());
        ServiceClient client = new ServiceClient(server.port());
        assertThat(client.postJson("user/appminiuserauth", query("qq"), Map.of("authcode", "mgmt-code-1")).code()).isZero();

        HttpResponse<String> metrics = get(management, "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue(ServiceMetrics.CONTENT_TYPE);
        assertThat(value(metrics.body(), "minipass_logins_total", Map.of("platform", "qq", "outcome", "unrecognized")))
                .isEqualTo(1);
        assertThat(get(management, "/api.php?s=user/tokenuserinfo").statusCode()).isEqualTo(404);
        // the API's port answers /metrics as any unknown route
        Answer onApiPort = client.get("/metrics");
        assertThat(onApiPort.code()).isEqualTo(-1000);
        assertThat(onApiPort.contentType()).startsWith("application/json");
    }

    @Test
    void in_production_the_api_port_serves_no_metrics_and_the_management_port_does() throws Exception {
        MinipassServer server = start(Map.of("MINIPASS_PROFILE", "production", "MINIPASS_MANAGEMENT_PORT", "0"));

        Answer onApiPort = new ServiceClient(server.port()).get("/metrics");
        assertThat(onApiPort.code()).isEqualTo(-1000);
        assertThat(onApiPort.body()).doesNotContain("jvm_", "hikaricp_", "minipass_logins_total");
        assertThat(scrape(server.managementPort().orElseThrow())).contains("hikaricp_connections_max");
    }

    @Test
    void in_production_without_a_management_port_metrics_are_nowhere_unless_the_api_port_is_asked_for() throws Exception {
        MinipassServer closed = start(Map.of("MINIPASS_PROFILE", "production"));
        assertThat(closed.managementPort()).isEmpty();
        assertThat(new ServiceClient(closed.port()).get("/metrics").code()).isEqualTo(-1000);

        MinipassServer asked = start(Map.of("MINIPASS_PROFILE", "production", "MINIPASS_METRICS_ON_API_PORT", "true"));
        assertThat(scrape(asked.port())).contains("jvm_threads_live_threads ");
    }

    @Test
    void the_access_log_has_one_line_per_request_with_its_id_and_no_token_or_openid() throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger access = logging.getLogger("minipass.access");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logging);
        captured.start();
        Level level = access.getLevel();
        access.setLevel(Level.INFO);
        access.addAppender(captured);
        running.add(() -> {
            access.detachAppender(captured);
            access.setLevel(level);
        });
        MinipassServer server = start(Map.of());
        ServiceClient client = new ServiceClient(server.port());

        Answer login = client.postJson("user/appminiuserauth", query("weixin"), Map.of("authcode", "access-code-1"));
        String token = login.data().get("token").asText();
        String openid = login.data().get("weixin_openid").asText();
        HttpResponse<String> lookup = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api.php?s=user/tokenuserinfo&token=" + token + "&application_client_type=weixin"))
                .header("X-Request-Id", "lookup-1").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(lookup.headers().firstValue("X-Request-Id")).hasValue("lookup-1");

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (captured.list.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<ILoggingEvent> lines = List.copyOf(captured.list);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).getFormattedMessage())
                .matches("POST user/appminiuserauth platform=weixin status=200 code=0 ms=\\d+ client=127\\.0\\.0\\.1");
        assertThat(lines.get(0).getMDCPropertyMap().get("request_id")).matches("[0-9a-f]{32}");
        assertThat(lines.get(1).getFormattedMessage())
                .matches("GET user/tokenuserinfo platform=weixin status=200 code=0 ms=\\d+ client=127\\.0\\.0\\.1");
        assertThat(lines.get(1).getMDCPropertyMap()).containsEntry("request_id", "lookup-1");
        for (ILoggingEvent line : lines) {
            assertThat(line.getFormattedMessage() + line.getKeyValuePairs() + line.getMDCPropertyMap())
                    .doesNotContain(token, openid);
        }
    }

    private MinipassServer start(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.put("MINIPASS_PORT", "0");
        env.put("MINIPASS_HOST", "127.0.0.1");
        env.put("MINIPASS_DB_URL", "jdbc:h2:mem:metrics_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
        env.put("MINIPASS_REQUIRE_LOGIN_PROOF", "true");
        env.put("MINIPASS_BUDGET_FAILED_TOKEN_LOOKUP", "2/0/1m");
        MinipassServer server = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), env)));
        running.add(0, server);
        return server;
    }

    private static String query(String platform) {
        return "application=app&application_client_type=" + platform;
    }

    private String scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(port, "/metrics");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(ServiceMetrics.CONTENT_TYPE);
        return answer.body();
    }

    /** The first scrape that shows what {@code done} waits for, or the last one after 5 s. */
    private String scrapeUntil(int port, Predicate<String> done) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String scrape = scrape(port);
        while (!done.test(scrape) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            scrape = scrape(port);
        }
        return scrape;
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double moved(String before, String after, String name, Map<String, String> labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    /** The values of the samples of {@code name} whose labels include {@code labels}, in the text's order. */
    static List<Double> samples(String text, String name, Map<String, String> labels) {
        List<Double> values = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            String given = sample.group(3) == null ? "" : sample.group(3);
            if (labels.entrySet().stream().allMatch(label -> given.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
                values.add(Double.parseDouble(sample.group(4)));
            }
        }
        return values;
    }

    /** The sum of the samples of {@code name} whose labels include {@code labels}; 0 when there is none. */
    static double value(String text, String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            String given = sample.group(3) == null ? "" : sample.group(3);
            boolean all = labels.entrySet().stream()
                    .allMatch(label -> given.contains(label.getKey() + "=\"" + label.getValue() + "\""));
            if (all) {
                sum += Double.parseDouble(sample.group(4));
            }
        }
        return sum;
    }
}
