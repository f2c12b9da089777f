package io.minipass.bootstrap.cli;

import io.minipass.bootstrap.config.ConfigException;
import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.DatabaseUrls;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.StateWiring;
import io.minipass.adapters.persistence.DatabaseSettings;
import io.minipass.adapters.persistence.MyBatisPersistence;
import io.minipass.domain.user.EvictionReach;
import io.minipass.application.port.in.Revocation;
import io.minipass.application.port.in.RevokeUserSessionsCommand;
import io.minipass.application.service.RevokeUserSessionsService;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code java -jar minipass.jar revoke --user-id N} (or {@code --openid X --platform P [--system-type S]}): logs a user
 * out everywhere at once. It clears every token the user holds in the shop's database and publishes their eviction
 * to every node's token cache over Redis; without Redis, each node drops them when its cache entry expires
 * ({@code MINIPASS_TOKEN_CACHE_TTL}, docs/design.md ADR-12). Runs beside the nodes, with their settings; it migrates
 * nothing (docs/operations.md#commands).
 */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Log a user out everywhere at once: clear every token the user holds and tell every node's "
                + "token cache over Redis (MINIPASS_REDIS_URL) to drop them; without Redis a node that cached a token "
                + "keeps it up to MINIPASS_TOKEN_CACHE_TTL. Migrates nothing.",
                "Exit code 0 when the tokens are cleared and every node was told (or there is no Redis to tell), "
                        + "1 for an unknown user, a database out of reach or Redis not answering (the tokens are then "
                        + "cleared, but nodes drop them only when their caches expire), 2 when an option or setting "
                        + "makes no sense."})
final class RevokeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RevokeCommand.class);

    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Whom whom;

    /** Exactly one of: the shop's user id, or an openid with its platform. */
    static final class Whom {
        @Option(names = "--user-id", paramLabel = "N", description = "the shop's user id (sxo_user.id)")
        Long userId;

        @ArgGroup(exclusive = false)
        ByOpenId byOpenId;
    }

    static final class ByOpenId {
        @Option(names = "--openid", required = true, paramLabel = "OPENID",
                description = "the openid of the live user to log out")
        String openId;

        @Option(names = "--platform", required = true, paramLabel = "PLATFORM",
                description = "its platform: weixin, alipay, baidu, toutiao, qq or kuaishou")
        String platform;

        @Option(names = "--system-type", defaultValue = "default", paramLabel = "TYPE",
                description = "its ShopXO system type (default: ${DEFAULT-VALUE})")
        String systemType;
    }

    RevokeCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            return revoke(out);
        } finally {
            out.flush();
        }
    }

    private int revoke(PrintWriter out) {
        RevokeUserSessionsCommand command;
        MinipassConfig config;
        try {
            command = command();
            config = MinipassConfig.load(ConfigSource.fromEnvironment(environment));
        } catch (ConfigException | IllegalArgumentException | InvalidInputException wrong) {
            out.println("FAIL " + wrong.getMessage());
            return MinipassCommand.CONFIG_ERROR;
        }
        Revocation revocation;
        try (MyBatisPersistence persistence = MyBatisPersistence.openServed(oneConnection(config.database()));
             StateWiring state = StateWiring.create(config)) {
            revocation = new RevokeUserSessionsService(persistence.users(), persistence.tokenRevocation(),
                    state.evictTokens).revoke(command);
        } catch (RuntimeException failure) {
            out.println("FAIL " + DatabaseUrls.masked(config.database().url()) + ": " + failure.getMessage());
            return MinipassCommand.WRONG;
        }
        if (!(revocation instanceof Revocation.Revoked revoked)) {
            out.println("FAIL " + unknown());
            return MinipassCommand.WRONG;
        }
        String cleared = "user " + revoked.user() + ": " + revoked.tokens() + (revoked.tokens() == 1 ? " token" : " tokens")
                + " cleared in the database";
        String lag = "a node that cached one of them accepts it up to MINIPASS_TOKEN_CACHE_TTL ("
                + config.shop().tokenCacheTtl().toSeconds() + " s)";
        EvictionReach reach = revoked.reach();
        String line;
        int exitCode;
        if (reach instanceof EvictionReach.EveryNode everyNode) {
            line = "OK   " + cleared + "; eviction published over Redis, heard by " + everyNode.listeners()
                    + (everyNode.listeners() == 1 ? " node" : " nodes");
            exitCode = MinipassCommand.OK;
        } else if (reach instanceof EvictionReach.Undelivered undelivered) {
            line = "WARN " + cleared + "; eviction NOT published (" + undelivered.cause() + "): " + lag;
            exitCode = MinipassCommand.WRONG;
        } else {
            line = "OK   " + cleared + "; no Redis (MINIPASS_REDIS_URL) to tell the nodes: " + lag;
            exitCode = MinipassCommand.OK;
        }
        // The audit trail of who was logged out when; no token in it.
        log.info("an operator revoked the sessions of {}", line.substring(5));
        out.println(line);
        return exitCode;
    }

    /** @throws IllegalArgumentException or InvalidInputException naming what makes no sense */
    private RevokeUserSessionsCommand command() {
        if (whom.userId != null) {
            return new RevokeUserSessionsCommand.ByUserId(new UserId(whom.userId));
        }
        ByOpenId byOpenId = whom.byOpenId;
        Platform platform = Platform.fromClientType(byOpenId.platform).orElseThrow(() ->
                new IllegalArgumentException("--platform " + byOpenId.platform + " is not one of weixin, alipay, "
                        + "baidu, toutiao, qq, kuaishou"));
        return new RevokeUserSessionsCommand.ByOpenId(new SystemType(byOpenId.systemType), platform,
                new OpenId(byOpenId.openId));
    }

    /** Never the openid itself: the output may end up in a ticket. */
    private String unknown() {
        if (whom.userId != null) {
            return "no user with id " + whom.userId + "; nothing changed";
        }
        return "no live user holds that " + whom.byOpenId.platform + " openid (system type " + whom.byOpenId.systemType
                + "); nothing changed";
    }

    /** A command makes one write: one connection, not the serving pool's. */
    private static DatabaseSettings oneConnection(MinipassConfig.DatabaseConfig db) {
        DatabaseSettings serving = db.settings();
        return new DatabaseSettings(serving.jdbcUrl(), serving.username(), serving.password(), serving.tablePrefix(), 1,
                serving.connectTimeout(), serving.queryTimeout(), serving.poolWait(), serving.layout());
    }
}
