package io.minipass.bootstrap;

import java.util.OptionalInt;

/**
 * Where metrics are served and how logs are written.
 *
 * @param managementPort {@code MINIPASS_MANAGEMENT_PORT}: {@code /metrics} on this port only; empty: on the API's port
 * @param managementHost {@code MINIPASS_MANAGEMENT_HOST}: the address the management port listens on (default: the API's)
 * @param logFormat      {@code MINIPASS_LOG_FORMAT}: {@code text} (default) or {@code json}; Logback reads it itself
 *                       ({@link LogConfiguration}), from the environment or a system property; it is checked here so a typo
 *                       stops the start with its name
 */
public record ObservabilityConfig(OptionalInt managementPort, String managementHost, String logFormat) {
    public static final String TEXT = "text";
    public static final String JSON = "json";

    static ObservabilityConfig load(SettingParser settings, String apiHost) {
        String portText = settings.text("management.port", "");
        OptionalInt port = portText.isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(settings.integer("management.port", 0, 0, 65535));
        String host = settings.text("management.host", apiHost);
        // Exactly as LogConfiguration and deploy/logback.xml read it.
        String format = settings.text("log.format", TEXT);
        if (!format.equals(TEXT) && !format.equals(JSON)) {
            throw new ConfigException(ConfigSource.envName("log.format") + "=" + format + " is not text or json");
        }
        return new ObservabilityConfig(port, host.isEmpty() ? apiHost : host, format);
    }
}
