package io.minipass.bootstrap.cli;

import io.minipass.bootstrap.BuildInfo;
import io.minipass.bootstrap.wiring.MinipassServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
        subcommands = {ServeCommand.class, MigrateCommand.class, CheckCommand.class,
                HealthCommand.class, RevokeCommand.class, CommandLine.HelpCommand.class})
public final class MinipassCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int WRONG = 1;
    static final int CONFIG_ERROR = 2;

    private final Map<String, String> environment;
    private final Consumer<MinipassServer> serving;

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
    public static int execute(Map<String, String> environment, Consumer<MinipassServer> serving, String... args) {
        if (args.length == 0 || args.length == 1 && args[0].equals("serve")) {
            return new ServeCommand(environment, serving).call();
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
                if (type == ServeCommand.class) {
                    return type.cast(new ServeCommand(environment, serving));
                }
                if (type == MigrateCommand.class) {
                    return type.cast(new MigrateCommand(environment));
                }
                if (type == CheckCommand.class) {
                    return type.cast(new CheckCommand(environment));
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
        return new ServeCommand(environment, serving).call();
    }

    /** The release and the commit the jar was built from: {@code minipass 1.0.0 (commit 0123456789ab)}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.ofThisJar().describe()};
        }
    }
}
