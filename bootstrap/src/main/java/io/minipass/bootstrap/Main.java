package io.minipass.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
