package io.minipass.bootstrap.cli;

import io.minipass.bootstrap.wiring.MinipassServer;
import picocli.CommandLine;

import java.util.Map;
import java.util.function.Consumer;

/** The command line run in the test's process, and its exit codes, for tests outside this package. */
public final class InProcessCommandLine {
    public static final int OK = MinipassCommand.OK;
    public static final int WRONG = MinipassCommand.WRONG;
    public static final int CONFIG_ERROR = MinipassCommand.CONFIG_ERROR;

    private InProcessCommandLine() {
    }

    /** picocli's command line over the commands, ready to execute; {@code serving} is given a started server. */
    public static CommandLine of(Map<String, String> environment, Consumer<MinipassServer> serving) {
        return MinipassCommand.commandLine(environment, serving);
    }
}
