package io.minipass.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar run as a process of its own, as deploy/ runs it ({@code java [options] -jar minipass.jar serve}), in a
 * folder of the test's, with the given settings and none of the test's own {@code MINIPASS_*} environment, its
 * output in a log file. For the tests that must see the shipped jar rather than the classes (`*IT`, run by failsafe
 * after the jar is built).
 */
public final class PackagedJar {
    private static final long START_SECONDS = 60;

    private PackagedJar() {
    }

    /** Starts {@code serve} with the settings (the environment variables) and JVM options given. */
    public static Process serve(Path dir, Path log, Map<String, String> settings, String... jvmOptions) throws IOException {
        Path jar = Path.of(System.getProperty("minipass.jar", "target/minipass.jar"));
        assertThat(jar).as("the jar (mvn package builds it)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("MINIPASS_"));
        env.putAll(settings);
        builder.directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }

    /** Waits up to a minute for the service's health route to answer code 0; fails with the log's end if it stops or does not. */
    public static void awaitHealthy(Process service, int port, Path log) throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < until) {
            assertThat(service.isAlive()).as("the service runs: " + tail(log)).isTrue();
            try {
                if (new ServiceClient(port).get("/api/minipass/health").code() == 0) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not answer within " + START_SECONDS + " s: " + tail(log));
    }

    /** The log's last 3,000 characters. */
    public static String tail(Path log) throws IOException {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 3000));
    }
}
