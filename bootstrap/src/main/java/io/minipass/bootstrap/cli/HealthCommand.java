package io.minipass.bootstrap.cli;

import io.minipass.bootstrap.config.ConfigException;
import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.adapters.web.HealthEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code java -jar minipass.jar health}: asks the service running with the same settings for
 * {@code GET /api/minipass/health} and exits 0 when it answers HTTP 200, 1 otherwise: a probe for orchestrators that
 * run a command (docs/operations.md#commands).
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Ask the service running with these settings (MINIPASS_HOST, MINIPASS_PORT) for "
                + "GET /api/minipass/health; print its answer.", "Exit code 0 when it answers HTTP 200, 1 otherwise "
                + "(not running, not answering within 3 s), 2 when a setting makes no sense."})
final class HealthCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    HealthCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MinipassConfig config;
        try {
            config = MinipassConfig.load(ConfigSource.fromEnvironment(environment));
        } catch (ConfigException e) {
            out.println("FAIL " + e.getMessage());
            out.flush();
            return MinipassCommand.CONFIG_ERROR;
        }
        URI uri = URI.create("http://" + reachable(config.host()) + ":" + config.port() + "/api/" + HealthEndpoint.ROUTE);
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean healthy = answer.statusCode() == 200;
            out.println((healthy ? "OK   " : "FAIL ") + uri + " HTTP " + answer.statusCode() + " " + answer.body());
            return healthy ? MinipassCommand.OK : MinipassCommand.WRONG;
        } catch (IOException e) {
            out.println("FAIL " + uri + ": " + e);
            return MinipassCommand.WRONG;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MinipassCommand.WRONG;
        } finally {
            out.flush();
        }
    }

    /** The address to reach the service at: this machine when it listens on every address. */
    static String reachable(String host) {
        return switch (host) {
            case "0.0.0.0", "" -> "127.0.0.1";
            case "::", "[::]", "::0" -> "[::1]";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
    }
}
