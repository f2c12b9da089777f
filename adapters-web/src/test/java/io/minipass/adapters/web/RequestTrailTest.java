package io.minipass.adapters.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.javalin.Javalin;
import io.minipass.adapters.web.ApiClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Request ids ({@code X-Request-Id}, MDC {@code request_id}), the access log, the metrics route and who is told of answers. */
class RequestTrailTest {
    private static final String TOKEN = "9f86d081884c7d659a2feaa0c55ad015";
    private static final String OPENID = "oB6US5SNOngn196qzb3lagEBTh6w";
    private static final String MOBILE = "13912345678";
    private static final String SESSION_KEY = "tiihtNczf5v6AKRyjwEUhQ==";

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<AnsweredRequest> told = new CopyOnWriteArrayList<>();
    private Logger root;
    private Level rootLevel;
    private Javalin app;
    private ApiClient client;

    @BeforeEach
    void start() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.INFO);
        captured.setContext(logging);
        captured.start();
        root.addAppender(captured);
        Map<String, ApiEndpoint> endpoints = Map.of("test/logs", request -> {
            LoggerFactory.getLogger("test.endpoint").info("the endpoint runs");
            return ApiResult.success("ok", Map.of("token", TOKEN, "mobile", MOBILE));
        });
        app = WebAppFixture.create(endpoints, new WebObservation(told::add,
                Optional.of(new WebObservation.MetricsText("text/plain; version=0.0.4; charset=utf-8", () -> "up 1\n"))))
                .start("127.0.0.1", 0);
        client = new ApiClient(app);
    }

    @AfterEach
    void stop() {
        app.stop();
        root.detachAppender(captured);
        root.setLevel(rootLevel);
    }

    @Test
    void a_sane_request_id_comes_back_and_marks_every_log_line_of_its_request() {
        Answer answer = client.send(HttpRequest.newBuilder(URI.create(client.baseUrl()
                        + "/api.php?s=test/logs&application_client_type=weixin&token=" + TOKEN + "&openid=" + OPENID))
                .header("X-Request-Id", "req-42.A_b").POST(HttpRequest.BodyPublishers.ofString("mobile=" + MOBILE
                        + "&session_key=" + SESSION_KEY)).header("Content-Type", "application/x-www-form-urlencoded").build());

        assertThat(answer.code()).isZero();
        assertThat(answer.headers().get("x-request-id")).containsExactly("req-42.A_b");
        ILoggingEvent endpointLine = line("test.endpoint");
        assertThat(endpointLine.getMDCPropertyMap()).containsEntry("request_id", "req-42.A_b");
        ILoggingEvent access = line(AccessLog.LOGGER);
        assertThat(access.getMDCPropertyMap()).containsEntry("request_id", "req-42.A_b");
        assertThat(access.getLevel()).isEqualTo(Level.INFO);
        assertThat(access.getFormattedMessage())
                .matches("POST test/logs platform=weixin status=200 code=0 ms=\\d+ client=127\\.0\\.0\\.1");
        awaitLines(AccessLog.LOGGER, 1);
        assertThat(told).singleElement().satisfies(request -> {
            assertThat(request.requestId()).isEqualTo("req-42.A_b");
            assertThat(request.route()).isEqualTo("test/logs");
            assertThat(request.code()).isEqualTo("0");
        });
    }

    @Test
    void without_a_request_id_one_is_made_and_answered() {
        Answer first = client.get("/api.php?s=test/logs");
        Answer second = client.get("/api.php?s=test/logs");

        String id = first.headers().get("x-request-id").get(0);
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(second.headers().get("x-request-id").get(0)).matches("[0-9a-f]{32}").isNotEqualTo(id);
        assertThat(line("test.endpoint").getMDCPropertyMap()).containsEntry("request_id", id);
        assertThat(line(AccessLog.LOGGER).getMDCPropertyMap()).containsEntry("request_id", id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "a/b", "x;y", "\u00e9t\u00e9",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void an_insane_request_id_is_replaced(String given) {
        Answer answer = client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api.php?s=test/logs"))
                .header("X-Request-Id", given).GET().build());

        assertThat(answer.headers().get("x-request-id").get(0)).matches("[0-9a-f]{32}");
    }

    @Test
    void the_access_log_names_no_value_a_client_sent_not_even_an_unknown_route() {
        client.get("/api.php?s=user/" + TOKEN + "&application_client_type=" + OPENID + "&openid=" + OPENID);
        client.get("/api/" + MOBILE + "/" + SESSION_KEY.replace("=", "") + "?token=" + TOKEN);
        client.postForm("/api.php?s=test/logs", ApiClient.fields("token", TOKEN, "openid", OPENID, "mobile", MOBILE,
                "session_key", SESSION_KEY));

        List<ILoggingEvent> access = awaitLines(AccessLog.LOGGER, 3);
        assertThat(access).hasSize(3);
        assertThat(access.get(0).getFormattedMessage()).startsWith("GET unknown platform=none status=200 code=-1000 ");
        for (ILoggingEvent line : access) {
            String text = line.getFormattedMessage() + " " + line.getKeyValuePairs();
            assertThat(text).doesNotContain(TOKEN, OPENID, MOBILE, SESSION_KEY, SESSION_KEY.replace("=", ""));
        }
    }

    @Test
    void the_metrics_route_answers_plain_text_and_is_logged_as_metrics() {
        Answer answer = client.get("/metrics");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/plain; version=0.0.4");
        assertThat(answer.body()).isEqualTo("up 1\n");
        assertThat(answer.headers()).containsKey("x-request-id");
        assertThat(line(AccessLog.LOGGER).getFormattedMessage()).startsWith("GET metrics platform=none status=200 code=none ");
    }

    @Test
    void without_a_metrics_text_metrics_is_an_unknown_route() {
        Javalin plain = WebAppFixture.create(Map.of()).start("127.0.0.1", 0);
        try {
            assertThat(new ApiClient(plain).get("/metrics").code()).isEqualTo(ApiResult.UNKNOWN_ROUTE);
        } finally {
            plain.stop();
        }
    }

    private ILoggingEvent line(String logger) {
        return awaitLines(logger, 1).get(0);
    }

    /** The access line is written once the answer is out, so the client may read the answer a moment before. */
    private List<ILoggingEvent> awaitLines(String logger, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            List<ILoggingEvent> lines = List.copyOf(captured.list).stream().filter(e -> e.getLoggerName().equals(logger)).toList();
            if (lines.size() >= count || System.nanoTime() > deadline) {
                assertThat(lines).as("lines of " + logger).hasSizeGreaterThanOrEqualTo(count);
                return lines;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
