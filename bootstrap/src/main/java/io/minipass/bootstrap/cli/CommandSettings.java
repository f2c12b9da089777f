package io.minipass.bootstrap.cli;

import io.minipass.bootstrap.config.ConfigException;
import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.config.UnknownSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/** The settings a command that runs the service's parts ({@code serve}, {@code migrate}) starts from. */
final class CommandSettings {
    /** The command line's one logger, whichever command writes (operators and tests filter on it). */
    private static final Logger log = LoggerFactory.getLogger(MinipassCommand.class);

    private CommandSettings() {
    }

    /** The settings, or empty after logging what makes no sense; names set but not read are warned of. */
    static Optional<MinipassConfig> load(Map<String, String> environment) {
        try {
            ConfigSource source = ConfigSource.fromEnvironment(environment);
            UnknownSettings.in(source).forEach(unknown -> log.warn("{}: ignored", unknown));
            MinipassConfig config = MinipassConfig.load(source);
            if (config.profile() == MinipassConfig.RunProfile.PRODUCTION && config.database().isEmbeddedFallback()) {
                log.warn("*** production on the embedded H2 file under ./data/ (MINIPASS_ALLOW_EMBEDDED_DATABASE=true):"
                        + " ShopXO never sees the users it registers ***");
            }
            return Optional.of(config);
        } catch (ConfigException e) {
            log.error("cannot start: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
