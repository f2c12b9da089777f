package io.minipass.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@code logback.xml} at {@code MINIPASS_LOG_LEVEL=DEBUG}: our own code logs at DEBUG, the loggers
 * that print request data, SQL parameters or connection settings stay at INFO or above (CONTRACT §8).
 */
@SuppressWarnings("unchecked")
class LogbackConfigurationTest {
    private final LoggerContext logging = new LoggerContext();

    @BeforeEach
    void configureAtDebug() throws JoranException {
        logging.putProperty("MINIPASS_LOG_LEVEL", "DEBUG");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logging);
        configurator.doConfigure(MinipassServer.class.getResource("/logback.xml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"io.minipass.bootstrap.MinipassServer", "io.minipass.adapters.platforms.crypto.DecryptionFailures",
            "io.minipass.adapters.web.ApiDispatcher", "io.minipass.adapters.persistence.MyBatisPersistence"})
    void our_own_code_logs_at_debug(String logger) {
        assertThat(logging.getLogger(logger).isDebugEnabled()).isTrue();
    }

    @Test
    void no_mapper_prints_its_statements_parameters() {
        List<String> mappers = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.minipass.adapters.persistence")
                .stream()
                .filter(JavaClass::isInterface)
                .filter(type -> type.getSimpleName().endsWith("Mapper"))
                .map(JavaClass::getName)
                .toList();

        assertThat(mappers).contains("io.minipass.adapters.persistence.UserMapper");
        for (String mapper : mappers) {
            // MyBatis logs a statement as <namespace>.<statement id>
            assertThat(logging.getLogger(mapper + ".selectByToken").isDebugEnabled()).as(mapper).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.eclipse.jetty.server.HttpChannel", "io.javalin.Javalin", "com.zaxxer.hikari.HikariConfig",
            "com.zaxxer.hikari.pool.HikariPool", "org.flywaydb.core.FlywayExecutor", "h2database", "MySQL",
            "jdk.httpclient.HttpClient", "jdk.internal.httpclient.debug",
            "io.lettuce.core.protocol.CommandHandler", "io.lettuce.core.RedisClient", "io.netty.handler.logging.LoggingHandler"})
    void libraries_that_print_requests_or_credentials_stay_above_debug(String logger) {
        assertThat(logging.getLogger(logger).isDebugEnabled()).isFalse();
    }

    @Test
    void text_lines_carry_the_request_id() {
        Appender<ILoggingEvent> console = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        assertThat(console).isInstanceOf(ConsoleAppender.class);
        assertThat(((ConsoleAppender<ILoggingEvent>) console).getEncoder()).isInstanceOfSatisfying(PatternLayoutEncoder.class,
                encoder -> assertThat(encoder.getPattern()).contains("%X{request_id"));
    }

    @Test
    void minipass_log_format_json_writes_json_lines() throws JoranException {
        LoggerContext json = new LoggerContext();
        json.putProperty("MINIPASS_LOG_FORMAT", "json");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(json);
        configurator.doConfigure(MinipassServer.class.getResource("/logback.xml"));

        Appender<ILoggingEvent> console = json.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        assertThat(((ConsoleAppender<ILoggingEvent>) console).getEncoder()).isInstanceOf(JsonEncoder.class);
        assertThat(json.getStatusManager().getCopyOfStatusList()).noneMatch(status -> status.getLevel() >= Status.WARN);
    }

    @Test
    void the_access_log_is_on_at_info() {
        assertThat(logging.getLogger("minipass.access").isInfoEnabled()).isTrue();
    }
}
