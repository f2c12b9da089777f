package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code MINIPASS_LOGIN_EVENTS=true}: the running service writes one {@code minipass.login} line per login attempt,
 * on the request's id, naming the user and why a login was refused, and nothing a client could log in with; without
 * the setting it writes none.
 */
class LoginEventsSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENID = "oLoginEvents0000000000000001";
    private static final String UNIONID = "uLoginEvents0000000000000001";

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final String url = "jdbc:h2:mem:loginevents_" + UUID.randomUUID().toString().replace("-", "")
            + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
    private PrintStream systemOut;
    private LoggerContext logging;
    private MinipassServer server;

    @BeforeEach
    void captureTheConsole() {
        systemOut = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.reset();
    }

    @AfterEach
    void restore() {
        if (server != null) {
            server.close();
        }
        logging.reset();
        System.setOut(systemOut);
        try {
            new ContextInitializer(logging).autoConfig();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void each_login_attempt_is_one_json_line_naming_the_user_and_the_reason_and_no_secret() throws Exception {
        ShippedLogging.apply(logging, Map.of(ShippedLogging.FORMAT, "json"));
        server = start(Map.of("MINIPASS_LOGIN_EVENTS", "true"));

        JsonNode registered = logIn("events-1");
        String token = registered.get("data").get("token").asText();
        String id = registered.get("data").get("id").asText();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE sxo_user SET status = 2 WHERE id = " + id);
        }
        JsonNode banned = logIn("events-2");
        assertThat(banned.get("code").asInt()).as(banned.toString()).isNotZero();
        get("/api.php?s=user/tokenuserinfo&token=" + token);

        List<Map<String, String>> events = awaitEvents(2);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).containsEntry("request_id", "events-1").containsEntry("event", "login")
                .containsEntry("route", "user/appminiuserinfo").containsEntry("platform", "weixin")
                .containsEntry("outcome", "registered").containsEntry("reason", "none").containsEntry("user_id", id)
                .containsEntry("client", "127.0.0.1");
        assertThat(events.get(1)).containsEntry("request_id", "events-2").containsEntry("outcome", "refused")
                .containsEntry("reason", "banned").containsEntry("user_id", id);
        String eventLines = String.join("\n", eventLines());
        assertThat(eventLines).doesNotContain(token, OPENID, UNIONID);
    }

    @Test
    void without_the_setting_no_login_event_is_written() throws Exception {
        ShippedLogging.apply(logging, Map.of());
        server = start(Map.of());

        assertThat(logIn("events-off").get("code").asInt()).isZero();

        awaitAccessLine("events-off");
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("minipass.login");
    }

    private MinipassServer start(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("MINIPASS_PORT", "0", "MINIPASS_HOST", "127.0.0.1",
                "MINIPASS_DB_URL", url));
        env.putAll(extra);
        return MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), env)));
    }

    /** The README's seed request on the development gateway, with this request id. */
    private JsonNode logIn(String requestId) throws Exception {
        String form = "openid=" + OPENID + "&unionid=" + UNIONID + "&referrer=0&auth_data="
                + URLEncoder.encode("{\"nickName\":\"事件\",\"gender\":0,\"avatarUrl\":\"\"}", StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.port() + "/api.php?s=user/appminiuserinfo&application=app&application_client_type=weixin"))
                        .header("X-Request-Id", requestId).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body());
    }

    private void get(String pathAndQuery) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> eventLines() {
        return console.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("minipass.login")).toList();
    }

    /** The login events' fields (with the request id), once there are {@code count}, or what there is after 5 s. */
    private List<Map<String, String>> awaitEvents(int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (eventLines().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<Map<String, String>> events = new ArrayList<>();
        for (String line : eventLines()) {
            JsonNode json = JSON.readTree(line);
            Map<String, String> fields = new HashMap<>();
            fields.put("request_id", json.path("mdc").path("request_id").asText());
            json.get("kvpList").forEach(pair -> pair.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText())));
            events.add(fields);
        }
        return events;
    }

    private void awaitAccessLine(String requestId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!console.toString(StandardCharsets.UTF_8).contains("[" + requestId + "] minipass.access")
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("[" + requestId + "] minipass.access");
    }
}
