package io.minipass.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;

import java.net.URL;
import java.util.Map;

/** The service's logging as the jar sets it up: its {@code logback.xml} (deploy/logback.xml), with the settings given. */
final class ShippedLogging {
    static final String LEVEL = "MINIPASS_LOG_LEVEL";
    static final String FORMAT = "MINIPASS_LOG_FORMAT";
    static final String CONSOLE = "CONSOLE";
    /** The text format's pattern, as minipass-log-text.xml writes it. */
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] [%X{request_id:--}] %logger{36} - %msg%n";

    private ShippedLogging() {
    }

    /** The jar's file: {@code logback.xml} at the root of the class path, beside this module's test configuration. */
    static URL file() {
        URL file = ShippedLogging.class.getResource("/logback.xml");
        if (file == null) {
            throw new IllegalStateException("no logback.xml on the class path (bootstrap's pom copies deploy/logback.xml)");
        }
        return file;
    }

    /** Resets the context and configures it from the jar's file; the settings stand for the environment's. */
    static void apply(LoggerContext context, Map<String, String> settings) {
        context.reset();
        settings.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(file());
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
    }
}
