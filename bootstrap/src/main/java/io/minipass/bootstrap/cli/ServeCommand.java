package io.minipass.bootstrap.cli;

import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code java -jar minipass.jar [serve]}: migrates the schema and starts the service, which keeps serving after the
 * command returns (docs/operations.md#commands).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Migrate the schema and serve HTTP until stopped (SIGTERM: finish the requests in flight, "
                + "up to MINIPASS_SHUTDOWN_GRACE). The default command.")
final class ServeCommand implements Callable<Integer> {
    /** The command line's one logger, whichever command writes (operators and tests filter on it). */
    private static final Logger log = LoggerFactory.getLogger(MinipassCommand.class);

    private final Map<String, String> environment;
    private final Consumer<MinipassServer> serving;

    /**
     * @param environment the variables to read settings from
     * @param serving     given the started server; it keeps serving after the command returns
     */
    ServeCommand(Map<String, String> environment, Consumer<MinipassServer> serving) {
        this.environment = environment;
        this.serving = serving;
    }

    @Override
    public Integer call() {
        Optional<MinipassConfig> config = CommandSettings.load(environment);
        if (config.isEmpty()) {
            return MinipassCommand.CONFIG_ERROR;
        }
        MinipassServer server;
        try {
            server = MinipassServer.start(config.get());
        } catch (RuntimeException e) {
            log.error("cannot start", e);
            return MinipassCommand.WRONG;
        }
        serving.accept(server);
        return MinipassCommand.OK;
    }
}
