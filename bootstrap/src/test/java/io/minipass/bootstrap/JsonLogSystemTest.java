package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minipass.adapters.platforms.stub.PlatformStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code MINIPASS_LOG_FORMAT=json}: the service's logging (the jar's {@code logback.xml}) writes every line to the console as one JSON object,
 * which Jackson reads, with the request's id in {@code mdc.request_id} on the lines of that request, the access
 * log's fields among them.
 */
class JsonLogSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream systemOut;
    private LoggerContext logging;
    private PlatformStub platform;
    private MinipassServer server;

    @BeforeEach
    void logJsonToACapturedConsole() throws Exception {
        systemOut = System.out;
        // Logback's console appender writes to whatever System.out is at the time of each line.
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.reset();
        ShippedLogging.apply(logging, Map.of(ShippedLogging.FORMAT, "json"));
    }

    @AfterEach
    void restore() throws Exception {
        if (server != null) {
            server.close();
        }
        if (platform != null) {
            platform.close();
        }
        logging.reset();
        System.setOut(systemOut);
        new ContextInitializer(logging).autoConfig();
    }

    @Test
    void every_line_is_json_and_the_lines_of_a_request_carry_its_id() throws Exception {
        platform = new PlatformStub();
        server = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), Map.of(
                "MINIPASS_PORT", "0", "MINIPASS_HOST", "127.0.0.1",
                "MINIPASS_DB_URL", "jdbc:h2:mem:jsonlog_" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
                "MINIPASS_WEIXIN_APPID", "wx0000000000000001", "MINIPASS_WEIXIN_SECRET", "secret",
                "MINIPASS_REQUIRE_LOGIN_PROOF", "false",
                "MINIPASS_WEIXIN_BASE_URL", platform.baseUrl()))));
        // WeChat refuses a code it never issued: the service logs that on the request's thread, then the access line
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + server.port() + "/api.php?s=user/appminiuserauth&application_client_type=weixin"))
                        .header("X-Request-Id", "json-log-1").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"authcode\":\"never-issued\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(answer.body()).get("code").asInt()).isEqualTo(-1);
        assertThat(answer.headers().firstValue("X-Request-Id")).hasValue("json-log-1");

        List<JsonNode> lines = awaitAccessLine();
        assertThat(lines).anyMatch(line -> line.get("formattedMessage").asText().startsWith(BuildInfo.ofThisJar().describe() + " serves on"));
        List<JsonNode> ofRequest = lines.stream()
                .filter(line -> line.path("mdc").path("request_id").asText().equals("json-log-1")).toList();
        assertThat(ofRequest).as("lines of the request").hasSizeGreaterThanOrEqualTo(2);
        assertThat(ofRequest).anyMatch(line -> line.get("loggerName").asText().equals("io.minipass.adapters.web.ApiDispatcher")
                && line.get("formattedMessage").asText().startsWith("Platform call failed on user/appminiuserauth"));
        JsonNode access = ofRequest.stream().filter(line -> line.get("loggerName").asText().equals("minipass.access"))
                .findFirst().orElseThrow();
        assertThat(access.get("level").asText()).isEqualTo("INFO");
        assertThat(access.get("timestamp").isNumber()).isTrue();
        assertThat(access.get("formattedMessage").asText())
                .matches("POST user/appminiuserauth platform=weixin status=200 code=-1 ms=\\d+ client=127\\.0\\.0\\.1");
        Map<String, String> fields = new java.util.HashMap<>();
        access.get("kvpList").forEach(pair -> pair.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText())));
        assertThat(fields).containsEntry("method", "POST").containsEntry("route", "user/appminiuserauth")
                .containsEntry("platform", "weixin").containsEntry("code", "-1").containsEntry("status", "200")
                .containsKeys("ms", "client");
    }

    /** Every console line parsed as JSON, once the access line of the request is among them. */
    private List<JsonNode> awaitAccessLine() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : console.toString(StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line)); // fails the test on a line that is not JSON
                }
            }
            boolean logged = lines.stream().anyMatch(line -> line.get("loggerName").asText().equals("minipass.access"));
            if (logged || System.nanoTime() > deadline) {
                assertThat(logged).as("the access line was logged").isTrue();
                return lines;
            }
            Thread.sleep(10);
        }
    }
}
