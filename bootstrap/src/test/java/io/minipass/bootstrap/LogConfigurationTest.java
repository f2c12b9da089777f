package io.minipass.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.Status;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's logging, the jar's {@code logback.xml} (deploy/logback.xml), at {@code MINIPASS_LOG_LEVEL=DEBUG}: our own
 * code logs at DEBUG, the loggers that print request data, SQL parameters or connection settings stay at INFO or above
 * (docs/security.md#the-settings-and-nginx-in-front, "Quiet logs"); and the levels and lines it configures, pinned.
 */
@SuppressWarnings("unchecked")
class LogConfigurationTest {
    /** The operators' copy, from the bootstrap module's directory, where Maven runs its tests. */
    private static final Path DEPLOYED_FILE = Path.of("..", "deploy", "logback.xml");

    private final LoggerContext logging = configured(Map.of(ShippedLogging.LEVEL, "DEBUG"));

    private static LoggerContext configured(Map<String, String> settings) {
        LoggerContext context = new LoggerContext();
        ShippedLogging.apply(context, settings);
        assertThat(context.getStatusManager().getCopyOfStatusList()).noneMatch(status -> status.getLevel() >= Status.WARN);
        return context;
    }

    @ParameterizedTest
    @ValueSource(strings = {"io.minipass.bootstrap.wiring.MinipassServer", "io.minipass.adapters.platforms.crypto.DecryptionFailures",
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

        assertThat(mappers).contains("io.minipass.adapters.persistence.UserMapper",
                "io.minipass.adapters.persistence.PlatformUserMapper");
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
        assertThat(console(logging).getEncoder()).isInstanceOfSatisfying(PatternLayoutEncoder.class,
                encoder -> assertThat(encoder.getPattern()).contains("%X{request_id"));
    }

    @Test
    void minipass_log_format_json_writes_json_lines() {
        LoggerContext json = configured(Map.of(ShippedLogging.FORMAT, "json"));
        assertThat(console(json).getEncoder()).isInstanceOf(JsonEncoder.class);
        assertThat(json.getStatusManager().getCopyOfStatusList()).noneMatch(status -> status.getLevel() >= Status.WARN);
    }

    @Test
    void the_access_log_is_on_at_info_and_the_root_at_info_unless_told() {
        LoggerContext byDefault = configured(Map.of());
        assertThat(byDefault.getLogger("minipass.access").isInfoEnabled()).isTrue();
        assertThat(byDefault.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
        assertThat(configured(Map.of(ShippedLogging.LEVEL, "WARN")).getLogger(Logger.ROOT_LOGGER_NAME).getLevel())
                .isEqualTo(Level.WARN);
    }

    @Test
    void the_jar_carries_the_operators_file() throws Exception {
        try (var in = ShippedLogging.file().openStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(Files.readString(DEPLOYED_FILE));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void every_level_and_line_is_the_one_the_service_always_wrote(String format) {
        for (String level : new String[] {"INFO", "DEBUG", "WARN"}) {
            LoggerContext context = configured(Map.of(ShippedLogging.FORMAT, format, ShippedLogging.LEVEL, level));
            Map<String, Level> expected = new TreeMap<>(FIXED_LEVELS);
            expected.put(Logger.ROOT_LOGGER_NAME, Level.toLevel(level));
            assertThat(levelsSet(context)).as(level).isEqualTo(expected);
            assertThat(encoded(context)).as(level).isEqualTo(format.equals("json") ? JSON_LINE : textLine());
        }
    }

    /** Every level the configuration sets besides the root's. */
    private static final Map<String, Level> FIXED_LEVELS = Map.ofEntries(
            Map.entry("MySQL", Level.INFO), Map.entry("com.zaxxer.hikari", Level.WARN),
            Map.entry("com.zaxxer.hikari.pool.ProxyConnection", Level.ERROR), Map.entry("h2database", Level.INFO),
            Map.entry("io.javalin", Level.WARN), Map.entry("io.lettuce", Level.INFO),
            Map.entry("io.minipass.adapters.persistence.MobileClaimMapper", Level.INFO),
            Map.entry("io.minipass.adapters.persistence.OpenIdClaimMapper", Level.INFO),
            Map.entry("io.minipass.adapters.persistence.PlatformUserMapper", Level.INFO),
            Map.entry("io.minipass.adapters.persistence.IssuedTokenMapper", Level.INFO),
            Map.entry("io.minipass.adapters.persistence.UserIdentityMapper", Level.INFO),
            Map.entry("io.minipass.adapters.persistence.UserMapper", Level.INFO),
            Map.entry("io.netty", Level.INFO), Map.entry("jdk.httpclient", Level.INFO),
            Map.entry("jdk.internal.httpclient", Level.INFO), Map.entry("minipass.access", Level.INFO),
            Map.entry("minipass.login", Level.INFO), Map.entry("org.eclipse.jetty", Level.WARN),
            Map.entry("org.flywaydb", Level.INFO));
    private static final String JSON_LINE = "{\"timestamp\":1796153135955,\"level\":\"INFO\",\"threadName\":"
            + "\"JettyServerThreadPool-31\",\"loggerName\":\"minipass.access\",\"mdc\": {\"request_id\":\"demo-43\"},"
            + "\"kvpList\": [{\"route\":\"user\\/tokenuserinfo\"}],\"formattedMessage\":\"GET user\\/tokenuserinfo status=200\","
            + "\"throwable\":null}\n";

    /** The text line of {@link #encoded}'s event, its time in this JVM's zone as the pattern writes it. */
    private static String textLine() {
        String time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
                .format(Instant.ofEpochMilli(EVENT_TIME).atZone(ZoneId.systemDefault()));
        return time + " INFO  [JettyServerThreadPool-31] [demo-43] minipass.access - GET user/tokenuserinfo status=200"
                + System.lineSeparator();
    }

    /** Every logger given a level of its own, the root included. */
    private static Map<String, Level> levelsSet(LoggerContext context) {
        Map<String, Level> levels = new TreeMap<>();
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null) {
                levels.put(logger.getName(), logger.getLevel());
            }
        }
        return levels;
    }

    private static final long EVENT_TIME = 1_796_153_135_955L;

    /** One event with a request id and a key-value pair, as the console would write it. */
    private static String encoded(LoggerContext context) {
        Logger logger = context.getLogger("minipass.access");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, "GET {} status={}", null,
                new Object[] {"user/tokenuserinfo", 200});
        event.setTimeStamp(EVENT_TIME);
        event.setThreadName("JettyServerThreadPool-31");
        event.setMDCPropertyMap(Map.of("request_id", "demo-43"));
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("route", "user/tokenuserinfo"));
        return new String(console(context).getEncoder().encode(event), StandardCharsets.UTF_8);
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        Appender<ILoggingEvent> console = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(ShippedLogging.CONSOLE);
        assertThat(console).isInstanceOf(ConsoleAppender.class);
        return (ConsoleAppender<ILoggingEvent>) console;
    }
}
