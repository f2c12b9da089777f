package io.minipass.adapters.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.javalin.Javalin;
import io.minipass.adapters.web.ApiClient.Answer;
import io.minipass.application.port.out.SharedStateUnavailableException;
import io.minipass.application.port.out.StorageUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** CONTRACT §2 and §8: a database out of reach answers -100 in one log line; readiness answers by HTTP status. */
class StorageFailureAnswersTest {
    private final AtomicBoolean databaseUp = new AtomicBoolean(true);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger dispatcherLog = (Logger) LoggerFactory.getLogger(ApiDispatcher.class);
    private Javalin app;
    private ApiClient client;

    @BeforeEach
    void start() {
        log.start();
        dispatcherLog.addAppender(log);
        app = WebAppFixture.create(Map.of(
                "test/store", request -> {
                    throw new StorageUnavailableException("SQLTransientConnectionException: minipass-db - Connection is not"
                            + " available, request timed out after 2000ms", new SQLTransientConnectionException("pool"));
                },
                "test/shared", request -> {
                    throw new SharedStateUnavailableException("Redis did not answer (record a login proof): "
                            + "RedisCommandTimeoutException", new IllegalStateException("timed out"));
                },
                HealthEndpoint.ROUTE, new HealthEndpoint(databaseUp::get),
                ReadinessEndpoint.ROUTE, new ReadinessEndpoint(databaseUp::get))).start("127.0.0.1", 0);
        client = new ApiClient(app);
    }

    @AfterEach
    void stop() {
        app.stop();
        dispatcherLog.detachAppender(log);
    }

    @Test
    void a_storage_failure_answers_minus_100_and_logs_one_line_without_a_stack_trace() {
        Answer answer = client.postForm("/api.php?s=test/store", Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).containsExactly(entry("msg", "系统繁忙，请稍后再试"), entry("code", -100), entry("data", List.of()));
        assertThat(answer.body()).doesNotContain("SQL", "minipass-db");
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getThrowableProxy()).isNull();
            assertThat(event.getFormattedMessage())
                    .isEqualTo("Storage unavailable on test/store: SQLTransientConnectionException: minipass-db - Connection"
                            + " is not available, request timed out after 2000ms");
        });
    }

    @Test
    void shared_state_out_of_reach_answers_minus_100_and_logs_one_line_without_a_stack_trace() {
        Answer answer = client.postForm("/api.php?s=test/shared", Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).containsExactly(entry("msg", "系统繁忙，请稍后再试"), entry("code", -100), entry("data", List.of()));
        assertThat(answer.body()).doesNotContain("Redis");
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getThrowableProxy()).isNull();
            assertThat(event.getFormattedMessage()).isEqualTo("Shared state unavailable on test/shared: Redis did not answer"
                    + " (record a login proof): RedisCommandTimeoutException");
        });
    }

    @Test
    void readiness_answers_503_while_the_database_is_down_and_liveness_stays_200() {
        Answer ready = client.get("/api/minipass/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json()).containsExactly(entry("msg", "ok"), entry("code", 0), entry("data", Map.of("database", "up")));

        databaseUp.set(false);

        Answer notReady = client.get("/api/minipass/ready");
        assertThat(notReady.status()).isEqualTo(503);
        assertThat(notReady.contentType()).isEqualTo(WebAppTest.JSON_UTF8);
        assertThat(notReady.json()).containsExactly(entry("msg", "数据库连接失败"), entry("code", -100), entry("data", List.of()));
        Answer health = client.get("/api.php?s=minipass/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json()).containsEntry("code", -100);
    }
}
