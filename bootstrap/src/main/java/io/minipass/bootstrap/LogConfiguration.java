package io.minipass.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.DefaultJoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The service's logging, set up in code: Logback finds this class through its {@code Configurator} service and
 * runs it instead of reading an XML file, which took 0.15–0.3 s of every start (docs/design.md, ADR-24).
 * {@code deploy/logback.xml} is the same configuration as a file, for operators to copy and change. An XML file that
 * Logback finds ({@code -Dlogback.configurationFile=…}, or a {@code logback.xml} or {@code logback-test.xml} on the
 * class path) is read instead; a file named but not found is not, so that Logback's fallback (everything at DEBUG,
 * SQL parameters included) never runs the service.
 * {@code MINIPASS_LOG_LEVEL} (root, default INFO) and {@code MINIPASS_LOG_FORMAT} ({@code text} or {@code json})
 * are read from a system property, else the environment, as Logback reads a variable in a file.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {
    static final String LEVEL = "MINIPASS_LOG_LEVEL";
    static final String FORMAT = "MINIPASS_LOG_FORMAT";
    static final String CONSOLE = "CONSOLE";
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] [%X{request_id:--}] %logger{36} - %msg%n";

    /**
     * Loggers that keep their level whatever the root says: no log line at any level may hold a password, token,
     * session key, app secret or mobile (docs/security.md#the-settings-and-nginx-in-front, "Quiet logs"), and these
     * print them below it. deploy/logback.xml says why for each; {@code LogConfigurationTest} checks that the file and
     * this list agree.
     */
    static final Map<String, Level> FIXED_LEVELS = fixedLevels();

    private final UnaryOperator<String> settings;
    private final Function<LoggerContext, URL> xmlFile;

    /** What Logback's service loader builds: settings from system properties, else the environment. */
    public LogConfiguration() {
        this(name -> {
            String property = System.getProperty(name);
            return property != null ? property : System.getenv(name);
        }, LogConfiguration::fileLogbackWouldRead);
    }

    /**
     * @param settings a setting's value by name, or null
     * @param xmlFile  the XML configuration Logback would read instead, or null
     */
    LogConfiguration(UnaryOperator<String> settings, Function<LoggerContext, URL> xmlFile) {
        this.settings = settings;
        this.xmlFile = xmlFile;
    }

    /** With the settings given and no XML file: what {@link #apply} does with them. */
    LogConfiguration(UnaryOperator<String> settings) {
        this(settings, context -> null);
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (xmlFile.apply(context) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The file Logback's own configurator, next in line, would read: found by the same search. */
    static URL fileLogbackWouldRead(LoggerContext context) {
        DefaultJoranConfigurator joran = new DefaultJoranConfigurator();
        joran.setContext(context);
        return joran.findURLOfDefaultConfigurationFile(false);
    }

    /** Sets the context up as this class configures the service. */
    void apply(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(CONSOLE);
        console.setEncoder(encoder(context));
        console.start();
        FIXED_LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(settings.apply(LEVEL), Level.INFO));
        root.addAppender(console);
    }

    private Encoder<ILoggingEvent> encoder(LoggerContext context) {
        Encoder<ILoggingEvent> encoder;
        if (ObservabilityConfig.JSON.equals(settings.apply(FORMAT))) {
            // Logback's JsonEncoder, with the fields deploy/logback.xml's minipass-log-json.xml chooses.
            JsonEncoder json = new JsonEncoder();
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.setWithFormattedMessage(true);
            encoder = json;
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(TEXT_PATTERN);
            // Not the locale's charset: without a UTF-8 locale (a bare systemd host) Chinese would be written as ??
            text.setCharset(StandardCharsets.UTF_8);
            encoder = text;
        }
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    private static Map<String, Level> fixedLevels() {
        Map<String, Level> levels = new LinkedHashMap<>();
        List.of("OpenIdClaimMapper", "MobileClaimMapper", "UserMapper", "UserIdentityMapper",
                        "IssuedTokenMapper", "PlatformUserMapper")
                .forEach(mapper -> levels.put("io.minipass.adapters.persistence." + mapper, Level.INFO));
        List.of("org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari").forEach(name -> levels.put(name, Level.WARN));
        levels.put("com.zaxxer.hikari.pool.ProxyConnection", Level.ERROR);
        List.of("org.flywaydb", "h2database", "MySQL", "jdk.httpclient", "jdk.internal.httpclient", "io.lettuce", "io.netty",
                "minipass.access", LoginEventLog.LOGGER).forEach(name -> levels.put(name, Level.INFO));
        return Map.copyOf(levels);
    }
}
