package io.minipass.bootstrap.cli;

import io.minipass.bootstrap.config.ConfigException;
import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.DatabaseUrls;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.config.PlatformsConfig;
import io.minipass.bootstrap.config.UnknownSettings;
import io.minipass.bootstrap.wiring.EmbeddedDatabaseFiles;
import io.minipass.adapters.persistence.MyBatisPersistence;
import io.minipass.adapters.platforms.weixin.WechatCredentialCheck;
import io.minipass.domain.user.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code java -jar minipass.jar check}: the settings, the database and, in production, the platforms, one
 * {@link CheckReport} line each; writes nothing (docs/operations.md#commands).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Load the settings, reach the database and, in production, each configured platform "
                + "that has a cheap check (WeChat: its stable access token); print one line each, OK or what is "
                + "wrong. Writes nothing.", "Exit code 1 when anything is wrong, 2 when a setting makes no sense."})
final class CheckCommand implements Callable<Integer> {
    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    CheckCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        CheckReport out = new CheckReport(spec.commandLine().getOut());
        MinipassConfig config;
        List<String> unknown;
        try {
            ConfigSource source = ConfigSource.fromEnvironment(environment);
            unknown = UnknownSettings.in(source);
            config = MinipassConfig.load(source);
        } catch (ConfigException e) {
            out.line("configuration", false, e.getMessage());
            out.flush();
            return MinipassCommand.CONFIG_ERROR;
        }
        boolean production = config.profile() == MinipassConfig.RunProfile.PRODUCTION;
        out.line("configuration", true, config.profile().name().toLowerCase(Locale.ROOT) + " profile, listens on "
                + config.host() + ":" + config.port());
        unknown.forEach(name -> out.line("setting", false, name));
        boolean allOk = unknown.isEmpty();
        config.security().openidOnlyLogins(config.platforms()).ifPresent(danger -> out.warn("login proof", danger));
        allOk &= database(out, config.database(), production);
        allOk &= platforms(out, config, production);
        out.flush();
        return allOk ? MinipassCommand.OK : MinipassCommand.WRONG;
    }

    /** The database, its migrations and its account's privileges; false when any keeps production from serving. */
    private static boolean database(CheckReport out, MinipassConfig.DatabaseConfig db, boolean production) {
        String url = DatabaseUrls.masked(db.url());
        boolean ok = true;
        if (production && db.isEmbeddedFallback()) {
            out.line("database", false, "MINIPASS_DB_URL is not set: the embedded H2 file under ./data/ that "
                    + "ShopXO never sees (allowed by MINIPASS_ALLOW_EMBEDDED_DATABASE=true)");
            ok = false;
        } else if (production && db.isH2()) {
            out.warn("database", "an H2 database, which ShopXO never sees: " + url);
        }
        if (production && db.password().isEmpty() && !db.isH2()) {
            out.warn("database account", db.user() + " has no password (MINIPASS_DB_PASSWORD)");
        }
        Optional<Path> file = EmbeddedDatabaseFiles.basePath(db.url()).map(base -> Path.of(base + ".mv.db"));
        if (file.isPresent() && !Files.exists(file.get())) {
            String detail = url + ": " + file.get().toAbsolutePath() + " does not exist yet (migrate or serve "
                    + "makes it; check writes nothing)";
            if (production) {
                out.line("database", false, detail);
            } else {
                out.info("database", detail);
            }
            return ok && !production;
        }
        List<String> pending;
        List<String> missing;
        try {
            pending = MyBatisPersistence.pendingMigrations(db.settings());
            missing = MyBatisPersistence.missingPrivileges(db.settings());
        } catch (IllegalStateException unusable) {
            out.line("database", false, url + ": " + unusable.getMessage());
            return false;
        }
        out.line("database", true, url);
        if (pending.isEmpty()) {
            out.line("migrations", true, "the schema is up to date");
        } else {
            String detail = pending.size() + " pending (version " + String.join(", ", pending)
                    + "): run `minipass migrate`";
            if (production) {
                out.line("migrations", false, detail);
                ok = false;
            } else {
                out.info("migrations", detail + " (serve migrates at start)");
            }
        }
        if (!missing.isEmpty()) {
            String detail = db.user() + " may not " + String.join(", ", missing)
                    + ": migrate needs " + (missing.size() == 1 ? "it" : "them") + " (GRANT "
                    + String.join(", ", missing) + ")";
            if (!pending.isEmpty()) {
                out.line("database account", false, detail);
                ok = false;
            } else {
                out.warn("database account", detail + "; serving needs none until an upgrade brings a migration");
            }
        }
        return ok;
    }

    /** Each platform; in production, none configured is wrong, and WeChat's credentials are tried. */
    private static boolean platforms(CheckReport out, MinipassConfig config, boolean production) {
        boolean ok = true;
        if (production && config.platforms().configured().isEmpty()) {
            out.line("platforms", false, "none configured: production logs nobody in (MINIPASS_<P>_APPID and its "
                    + "secret or keys, docs/configuration.md)");
            ok = false;
        }
        for (Platform platform : Platform.values()) {
            PlatformsConfig.App app = config.platforms().app(platform);
            String name = "platform " + platform.clientType();
            if (!app.isConfigured(platform)) {
                out.info(name, production ? "not configured: logs nobody in"
                        : "not configured: the development gateway serves it (fake openids)");
            } else if (!production) {
                out.info(name, "configured; platforms are checked in the production profile only");
            } else if (platform == Platform.WEIXIN) {
                Optional<String> problem = new WechatCredentialCheck(app.credentials(), app.baseUrl(),
                        config.platforms().timeout()).problem();
                out.line(name, problem.isEmpty(), problem.orElse("app id " + app.appId() + ": stable access token issued"));
                ok &= problem.isEmpty();
            } else {
                out.info(name, "configured (no cheap check: its first login shows whether the credentials work)");
            }
        }
        return ok;
    }
}
