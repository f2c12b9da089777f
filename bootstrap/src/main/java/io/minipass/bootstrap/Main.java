package io.minipass.bootstrap;

import io.minipass.bootstrap.cli.MinipassCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code java -jar minipass.jar [serve|migrate|check|--help]} with settings from {@code minipass.properties} and
 * {@code MINIPASS_*} variables ({@link MinipassCommand}).
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        // The service's own output is UTF-8 whatever the locale: JDK 17 writes the locale's charset, which on a
        // host without a UTF-8 locale turns every Chinese message into ?? (docs/operations.md#logs).
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        AtomicBoolean serving = new AtomicBoolean();
        int exitCode = MinipassCommand.execute(System.getenv(), server -> {
            serving.set(true);
            // SIGTERM (systemd, docker stop, Process.destroy) and SIGINT run this: stop accepting, finish the
            // requests in flight, then close the pool.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                log.info("Stopping: finishing the requests in flight");
                server.close();
            }, "minipass-shutdown"));
        }, args);
        if (!serving.get()) {
            System.exit(exitCode);
        }
    }
}
