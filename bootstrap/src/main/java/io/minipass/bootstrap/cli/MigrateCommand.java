package io.minipass.bootstrap.cli;

import io.minipass.bootstrap.config.DatabaseUrls;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.EmbeddedDatabaseFiles;
import io.minipass.adapters.persistence.MyBatisPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code java -jar minipass.jar migrate}: brings the schema up to date and exits (docs/operations.md#commands). */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply the schema migrations to the database and exit (serve does it too, at start).")
final class MigrateCommand implements Callable<Integer> {
    /** The command line's one logger, whichever command writes (operators and tests filter on it). */
    private static final Logger log = LoggerFactory.getLogger(MinipassCommand.class);

    private final Map<String, String> environment;

    MigrateCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Optional<MinipassConfig> config = CommandSettings.load(environment);
        if (config.isEmpty()) {
            return MinipassCommand.CONFIG_ERROR;
        }
        MinipassConfig.DatabaseConfig db = config.get().database();
        try {
            EmbeddedDatabaseFiles.ownerOnly(db.url());
            MyBatisPersistence.migrate(db.settings());
        } catch (RuntimeException e) {
            log.error("migration of {} failed: {}", DatabaseUrls.masked(db.url()), e.getMessage());
            return MinipassCommand.WRONG;
        }
        log.info("schema of {} is up to date", DatabaseUrls.masked(db.url()));
        return MinipassCommand.OK;
    }
}
