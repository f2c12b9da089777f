package io.minipass.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's logging ({@link LogConfiguration}) at {@code MINIPASS_LOG_LEVEL=DEBUG}: our own code logs at DEBUG,
 * the loggers that print request data, SQL parameters or connection settings stay at INFO or above (CONTRACT §8);
 * and {@code deploy/logback.xml}, the same configuration as a file for operators, agrees with it.
 */
@SuppressWarnings("unchecked")
class LogConfigurationTest {
    /** The operators' copy, from the bootstrap module's directory, where Maven runs its tests. */
    private static final Path DEPLOYED_FILE = Path.of("..", "deploy", "logback.xml");
    private static final String CONFIGURATION_FILE = "logback.configurationFile";

    private final LoggerContext logging = configured(Map.of(LogConfiguration.LEVEL, "DEBUG"));

    private static LoggerContext configured(Map<String, String> settings) {
        LoggerContext context = new LoggerContext();
        new LogConfiguration(settings::get).apply(context);
        return context;
    }

    private static LoggerContext configuredByTheFile(Map<String, String> settings) throws Exception {
        LoggerContext context = new LoggerContext();
        settings.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(DEPLOYED_FILE.toUri().toURL());
        assertThat(context.getStatusManager().getCopyOfStatusList()).noneMatch(status -> status.getLevel() >= Status.WARN);
        return context;
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
        LoggerContext json = configured(Map.of(LogConfiguration.FORMAT, "json"));
        assertThat(console(json).getEncoder()).isInstanceOf(JsonEncoder.class);
        assertThat(json.getStatusManager().getCopyOfStatusList()).noneMatch(status -> status.getLevel() >= Status.WARN);
    }

    @Test
    void the_access_log_is_on_at_info_and_the_root_at_info_unless_told() {
        LoggerContext byDefault = configured(Map.of());
        assertThat(byDefault.getLogger("minipass.access").isInfoEnabled()).isTrue();
        assertThat(byDefault.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
        assertThat(configured(Map.of(LogConfiguration.LEVEL, "WARN")).getLogger(Logger.ROOT_LOGGER_NAME).getLevel())
                .isEqualTo(Level.WARN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void the_operators_file_configures_the_same_levels_and_lines(String format) throws Exception {
        for (String level : new String[] {"INFO", "DEBUG", "WARN"}) {
            Map<String, String> settings = Map.of(LogConfiguration.FORMAT, format, LogConfiguration.LEVEL, level);
            LoggerContext inCode = configured(settings);
            LoggerContext fromFile = configuredByTheFile(settings);
            assertThat(levelsSet(inCode)).as(level).isEqualTo(levelsSet(fromFile));
            assertThat(encoded(inCode)).as(level).isEqualTo(encoded(fromFile));
        }
    }

    @Test
    void logback_finds_it_and_an_xml_file_logback_would_read_comes_first() throws Exception {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LogConfiguration.class);

        URL file = DEPLOYED_FILE.toUri().toURL();
        LoggerContext operators = new LoggerContext();
        assertThat(new LogConfiguration(Map.<String, String>of()::get, context -> file)
                .configure(operators)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(operators.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).as("left alone").isFalse();

        LoggerContext ours = new LoggerContext();
        assertThat(new LogConfiguration(Map.<String, String>of()::get, context -> null).configure(ours))
                .isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(console(ours).isStarted()).isTrue();
    }

    @Test
    void the_file_logback_would_read_is_found_by_logbacks_own_search() throws Exception {
        String before = System.getProperty(CONFIGURATION_FILE);
        try {
            System.clearProperty(CONFIGURATION_FILE);
            assertThat(LogConfiguration.fileLogbackWouldRead(new LoggerContext())).as("this module's test resources")
                    .hasToString(getClass().getResource("/logback-test.xml").toString());
            System.setProperty(CONFIGURATION_FILE, DEPLOYED_FILE.toAbsolutePath().toString());
            assertThat(LogConfiguration.fileLogbackWouldRead(new LoggerContext()).toURI())
                    .isEqualTo(DEPLOYED_FILE.toAbsolutePath().toUri());
            System.setProperty(CONFIGURATION_FILE, DEPLOYED_FILE.resolveSibling("missing.xml").toAbsolutePath().toString());
            assertThat(LogConfiguration.fileLogbackWouldRead(new LoggerContext())).as("a file named but not found")
                    .hasToString(getClass().getResource("/logback-test.xml").toString());
        } finally {
            if (before == null) {
                System.clearProperty(CONFIGURATION_FILE);
            } else {
                System.setProperty(CONFIGURATION_FILE, before);
            }
        }
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

    /** One event with a request id and a key-value pair, as the console would write it. */
    private static String encoded(LoggerContext context) {
        Logger logger = context.getLogger("minipass.access");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, "GET {} status={}", null,
                new Object[] {"user/tokenuserinfo", 200});
        event.setTimeStamp(1_796_153_135_955L);
        event.setThreadName("JettyServerThreadPool-31");
        event.setMDCPropertyMap(Map.of("request_id", "demo-43"));
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("route", "user/tokenuserinfo"));
        return new String(console(context).getEncoder().encode(event), StandardCharsets.UTF_8);
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        Appender<ILoggingEvent> console = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogConfiguration.CONSOLE);
        assertThat(console).isInstanceOf(ConsoleAppender.class);
        return (ConsoleAppender<ILoggingEvent>) console;
    }
}
