package io.minipass.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the service with settings from {@code minipass.properties} and {@code MINIPASS_*} variables. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        MinipassConfig config;
        try {
            config = MinipassConfig.load(ConfigSource.fromEnvironment(System.getenv()));
        } catch (ConfigException e) {
            log.error("cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        MinipassServer server = MinipassServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "minipass-shutdown"));
    }
}
