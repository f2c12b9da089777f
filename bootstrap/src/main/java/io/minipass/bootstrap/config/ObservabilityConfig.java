package io.minipass.bootstrap.config;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Where metrics are served and how logs are written.
 *
 * @param managementPort   {@code MINIPASS_MANAGEMENT_PORT}: {@code /metrics} on this port, always; empty: no such port
 * @param managementHost   {@code MINIPASS_MANAGEMENT_HOST}: the address the management port listens on (default:
 *                         {@code 127.0.0.1}, this machine only)
 * @param metricsOnApiPort {@code MINIPASS_METRICS_ON_API_PORT}: {@code /metrics} on the API's port too. Default: in
 *                         development when there is no management port; never in production, whose API port faces
 *                         the internet (docs/operations.md#metrics)
 * @param logFormat      {@code MINIPASS_LOG_FORMAT}: {@code text} (default) or {@code json}; Logback reads it itself
 *                       (the jar's {@code logback.xml}), from the environment or a system property; it is checked here so a typo
 *                       stops the start with its name
 * @param logLevel       {@code MINIPASS_LOG_LEVEL}: the root's level (default INFO), read by Logback the same way and
 *                       checked here for the same reason: Logback would take a typo for DEBUG, or for INFO
 * @param loginEvents    {@code MINIPASS_LOGIN_EVENTS}: one line per login attempt on the logger {@code minipass.login}
 *                       ({@link LoginEventLog}); default off
 */
public record ObservabilityConfig(OptionalInt managementPort, String managementHost, boolean metricsOnApiPort,
                                  String logFormat, String logLevel, boolean loginEvents) {
    public static final String TEXT = "text";
    public static final String JSON = "json";
    static final String LOOPBACK = "127.0.0.1";
    private static final Set<String> LEVELS = Set.of("ALL", "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    static ObservabilityConfig load(SettingParser settings, MinipassConfig.RunProfile profile) {
        String portText = settings.text("management.port", "");
        OptionalInt port = portText.isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(settings.integer("management.port", 0, 0, 65535));
        String host = settings.text("management.host", LOOPBACK);
        boolean onApiPort = settings.flag("metrics.on.api.port",
                profile == MinipassConfig.RunProfile.DEVELOPMENT && port.isEmpty());
        // Exactly as deploy/logback.xml, the jar's logging configuration, reads it.
        String format = settings.text("log.format", TEXT);
        if (!format.equals(TEXT) && !format.equals(JSON)) {
            throw new ConfigException(ConfigSource.envName("log.format") + "=" + format + " is not text or json");
        }
        String level = settings.text("log.level", "INFO");
        if (!LEVELS.contains(level.toUpperCase(Locale.ROOT))) {
            throw new ConfigException(ConfigSource.envName("log.level") + "=" + level
                    + " is not a log level (TRACE, DEBUG, INFO, WARN, ERROR or OFF)");
        }
        return new ObservabilityConfig(port, host.isEmpty() ? LOOPBACK : host, onApiPort, format, level,
                settings.flag("login.events", false));
    }
}
