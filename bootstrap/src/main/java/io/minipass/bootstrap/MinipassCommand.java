package io.minipass.bootstrap;

import io.minipass.adapters.persistence.DatabaseReadiness;
import io.minipass.adapters.persistence.DatabaseSettings;
import io.minipass.adapters.persistence.DatabaseTimeouts;
import io.minipass.adapters.persistence.MyBatisPersistence;
import io.minipass.adapters.platforms.weixin.WechatCredentialCheck;
import io.minipass.domain.user.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The command line ({@code java -jar minipass.jar [serve|migrate|check]}): each command reads the same settings
 * (environment, {@code minipass.properties}); a setting that makes no sense ends it with exit code 2, naming it.
 */
@Command(name = "minipass", mixinStandardHelpOptions = true, versionProvider = MinipassCommand.Version.class,
        description = "ShopXO-compatible mini-program login service. Without a command: serve.",
        footer = {"", "Settings come from MINIPASS_* environment variables or minipass.properties (see docs/configuration.md).",
                "Exit codes: 0 done, 1 something is wrong (check, migrate, a serve that cannot start), 2 a setting makes no sense."},
        subcommands = {MinipassCommand.Serve.class, MinipassCommand.Migrate.class, MinipassCommand.Check.class,
                HealthCommand.class, RevokeCommand.class, CommandLine.HelpCommand.class})
public final class MinipassCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int WRONG = 1;
    static final int CONFIG_ERROR = 2;
    private static final Logger log = LoggerFactory.getLogger(MinipassCommand.class);

    private final Map<String, String> environment;
    private final Consumer<MinipassServer> serving;

    @Spec
    private CommandSpec spec;

    /**
     * @param environment the variables to read settings from (the process's, in {@code Main})
     * @param serving     given the started server by {@code serve}; it keeps serving after the command returns
     */
    MinipassCommand(Map<String, String> environment, Consumer<MinipassServer> serving) {
        this.environment = environment;
        this.serving = serving;
    }

    /**
     * Runs the command the arguments name and answers its exit code. A plain serve (no arguments, or {@code serve}
     * alone) runs without picocli: building its model of the command line, by reflection over the commands, held
     * the database's opening back by a tenth of a second at every start (docs/design.md, ADR-24).
     */
    static int execute(Map<String, String> environment, Consumer<MinipassServer> serving, String... args) {
        if (args.length == 0 || args.length == 1 && args[0].equals("serve")) {
            return new Serve(new MinipassCommand(environment, serving)).call();
        }
        CommandLine commandLine = commandLine(environment, serving);
        // picocli writes in the locale's charset (or sun.stdout.encoding's), which may not hold Chinese
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return commandLine.execute(args);
    }

    /** The command line, ready to {@link CommandLine#execute}. */
    static CommandLine commandLine(Map<String, String> environment, Consumer<MinipassServer> serving) {
        MinipassCommand top = new MinipassCommand(environment, serving);
        return new CommandLine(top, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == Serve.class) {
                    return type.cast(new Serve(top));
                }
                if (type == Migrate.class) {
                    return type.cast(new Migrate(top));
                }
                if (type == Check.class) {
                    return type.cast(new Check(top));
                }
                if (type == HealthCommand.class) {
                    return type.cast(new HealthCommand(environment));
                }
                if (type == RevokeCommand.class) {
                    return type.cast(new RevokeCommand(environment));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
    }

    @Override
    public Integer call() {
        return new Serve(this).call();
    }

    /** The settings, or empty after logging what makes no sense; names set but not read are warned of. */
    private Optional<MinipassConfig> config() {
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

    static DatabaseSettings databaseSettings(MinipassConfig.DatabaseConfig db) {
        return new DatabaseSettings(db.url(), db.user(), db.password(), db.tablePrefix(), db.poolSize(),
                new DatabaseTimeouts(db.connectTimeout(), db.queryTimeout(), db.poolWait()), db.layout());
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Migrate the schema and serve HTTP until stopped (SIGTERM: finish the requests in flight, "
                    + "up to MINIPASS_SHUTDOWN_GRACE). The default command.")
    static final class Serve implements Callable<Integer> {
        private final MinipassCommand top;

        Serve(MinipassCommand top) {
            this.top = top;
        }

        @Override
        public Integer call() {
            Optional<MinipassConfig> config = top.config();
            if (config.isEmpty()) {
                return CONFIG_ERROR;
            }
            MinipassServer server;
            try {
                server = MinipassServer.start(config.get());
            } catch (RuntimeException e) {
                log.error("cannot start", e);
                return WRONG;
            }
            top.serving.accept(server);
            return OK;
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Apply the schema migrations to the database and exit (serve does it too, at start).")
    static final class Migrate implements Callable<Integer> {
        private final MinipassCommand top;

        Migrate(MinipassCommand top) {
            this.top = top;
        }

        @Override
        public Integer call() {
            Optional<MinipassConfig> config = top.config();
            if (config.isEmpty()) {
                return CONFIG_ERROR;
            }
            MinipassConfig.DatabaseConfig db = config.get().database();
            try {
                EmbeddedDatabaseFiles.ownerOnly(db.url());
                MyBatisPersistence.migrate(databaseSettings(db));
            } catch (RuntimeException e) {
                log.error("migration of {} failed: {}", DatabaseUrls.masked(db.url()), e.getMessage());
                return WRONG;
            }
            log.info("schema of {} is up to date", DatabaseUrls.masked(db.url()));
            return OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Load the settings, reach the database and, in production, each configured platform "
                    + "that has a cheap check (WeChat: its stable access token); print one line each, OK or what is "
                    + "wrong. Writes nothing.", "Exit code 1 when anything is wrong, 2 when a setting makes no sense."})
    static final class Check implements Callable<Integer> {
        private final MinipassCommand top;

        Check(MinipassCommand top) {
            this.top = top;
        }

        @Override
        public Integer call() {
            PrintWriter out = top.spec.commandLine().getOut();
            MinipassConfig config;
            List<String> unknown;
            try {
                ConfigSource source = ConfigSource.fromEnvironment(top.environment);
                unknown = UnknownSettings.in(source);
                config = MinipassConfig.load(source);
            } catch (ConfigException e) {
                line(out, "configuration", false, e.getMessage());
                out.flush();
                return CONFIG_ERROR;
            }
            boolean production = config.profile() == MinipassConfig.RunProfile.PRODUCTION;
            line(out, "configuration", true, config.profile().name().toLowerCase(Locale.ROOT) + " profile, listens on "
                    + config.host() + ":" + config.port());
            unknown.forEach(name -> line(out, "setting", false, name));
            boolean allOk = unknown.isEmpty();
            config.security().openidOnlyLogins(config.platforms()).ifPresent(danger -> warn(out, "login proof", danger));
            allOk &= database(out, config.database(), production);
            allOk &= platforms(out, config, production);
            out.flush();
            return allOk ? OK : WRONG;
        }

        /** The database, its migrations and its account's privileges; false when any keeps production from serving. */
        private static boolean database(PrintWriter out, MinipassConfig.DatabaseConfig db, boolean production) {
            String url = DatabaseUrls.masked(db.url());
            boolean ok = true;
            if (production && db.isEmbeddedFallback()) {
                line(out, "database", false, "MINIPASS_DB_URL is not set: the embedded H2 file under ./data/ that "
                        + "ShopXO never sees (allowed by MINIPASS_ALLOW_EMBEDDED_DATABASE=true)");
                ok = false;
            } else if (production && db.isH2()) {
                warn(out, "database", "an H2 database, which ShopXO never sees: " + url);
            }
            if (production && db.password().isEmpty() && !db.isH2()) {
                warn(out, "database account", db.user() + " has no password (MINIPASS_DB_PASSWORD)");
            }
            Optional<Path> file = EmbeddedDatabaseFiles.basePath(db.url()).map(base -> Path.of(base + ".mv.db"));
            if (file.isPresent() && !Files.exists(file.get())) {
                String detail = url + ": " + file.get().toAbsolutePath() + " does not exist yet (migrate or serve "
                        + "makes it; check writes nothing)";
                if (production) {
                    line(out, "database", false, detail);
                } else {
                    info(out, "database", detail);
                }
                return ok && !production;
            }
            DatabaseReadiness readiness = MyBatisPersistence.check(databaseSettings(db));
            line(out, "database", readiness.problem().isEmpty(), url + readiness.problem().map(p -> ": " + p).orElse(""));
            if (readiness.problem().isPresent()) {
                return false;
            }
            List<String> pending = readiness.pendingMigrations();
            List<String> missing = readiness.missingPrivileges();
            if (pending.isEmpty()) {
                line(out, "migrations", true, "the schema is up to date");
            } else {
                String detail = pending.size() + " pending (version " + String.join(", ", pending)
                        + "): run `minipass migrate`";
                if (production) {
                    line(out, "migrations", false, detail);
                    ok = false;
                } else {
                    info(out, "migrations", detail + " (serve migrates at start)");
                }
            }
            if (!missing.isEmpty()) {
                String detail = db.user() + " may not " + String.join(", ", missing)
                        + ": migrate needs " + (missing.size() == 1 ? "it" : "them") + " (GRANT "
                        + String.join(", ", missing) + ")";
                if (!pending.isEmpty()) {
                    line(out, "database account", false, detail);
                    ok = false;
                } else {
                    warn(out, "database account", detail + "; serving needs none until an upgrade brings a migration");
                }
            }
            return ok;
        }

        /** Each platform; in production, none configured is wrong, and WeChat's credentials are tried. */
        private static boolean platforms(PrintWriter out, MinipassConfig config, boolean production) {
            boolean ok = true;
            if (production && config.platforms().configured().isEmpty()) {
                line(out, "platforms", false, "none configured: production logs nobody in (MINIPASS_<P>_APPID and its "
                        + "secret or keys, docs/configuration.md)");
                ok = false;
            }
            for (Platform platform : Platform.values()) {
                PlatformsConfig.App app = config.platforms().app(platform);
                String name = "platform " + platform.clientType();
                if (!app.isConfigured(platform)) {
                    info(out, name, production ? "not configured: logs nobody in"
                            : "not configured: the development gateway serves it (fake openids)");
                } else if (!production) {
                    info(out, name, "configured; platforms are checked in the production profile only");
                } else if (platform == Platform.WEIXIN) {
                    Optional<String> problem = new WechatCredentialCheck(app.credentials(), app.baseUrl(),
                            config.platforms().timeout()).problem();
                    line(out, name, problem.isEmpty(), problem.orElse("app id " + app.appId() + ": stable access token issued"));
                    ok &= problem.isEmpty();
                } else {
                    info(out, name, "configured (no cheap check: its first login shows whether the credentials work)");
                }
            }
            return ok;
        }

        private static void line(PrintWriter out, String what, boolean ok, String detail) {
            out.printf("%-4s %-18s %s%n", ok ? "OK" : "FAIL", what, detail);
        }

        private static void info(PrintWriter out, String what, String detail) {
            out.printf("%-4s %-18s %s%n", "-", what, detail);
        }

        /** Not wrong (the operator asked for it), but dangerous: the exit code stays 0. */
        private static void warn(PrintWriter out, String what, String detail) {
            out.printf("%-4s %-18s %s%n", "WARN", what, detail);
        }
    }

    /** The release and the commit the jar was built from: {@code minipass 1.0.0 (commit 0123456789ab)}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.ofThisJar().describe()};
        }
    }
}
