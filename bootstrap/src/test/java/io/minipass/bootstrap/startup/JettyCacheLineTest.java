package io.minipass.bootstrap.startup;

import io.javalin.Javalin;
import io.minipass.adapters.web.Routes;
import io.minipass.adapters.web.WebApp;
import io.minipass.adapters.web.WebObservation;
import io.minipass.adapters.web.proxy.TrustedProxies;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServerFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Jetty is told the width of a reference, so that starting it creates no platform MBean server (ADR-23, ADR-46). */
class JettyCacheLineTest {

    @Test
    void a_reference_takes_a_quarter_of_jettys_64_byte_line_below_32_gib_of_heap_and_an_eighth_above() {
        assertThat(JettyCacheLine.referencesPerCacheLine(512L << 20)).isEqualTo(16);
        assertThat(JettyCacheLine.referencesPerCacheLine((32L << 30) - 1)).isEqualTo(16);
        assertThat(JettyCacheLine.referencesPerCacheLine(32L << 30)).isEqualTo(8);
    }

    @Test
    void told_first_starting_the_web_app_creates_no_platform_mbean_server_and_keeps_what_an_operator_set() throws Exception {
        // A JVM of its own: another test of this one may have created the platform MBean server already.
        assertThat(runStartOnce()).containsExactly("mbean servers 0", "references per cache line 16");
        assertThat(runStartOnce("-D" + JettyCacheLine.REFERENCES_PER_CACHE_LINE + "=4"))
                .containsExactly("mbean servers 0", "references per cache line 4");
        // With the line's width set, Jetty works the rest out itself, as it would without this class.
        assertThat(runStartOnce("-D" + JettyCacheLine.CACHE_LINE_BYTES + "=128"))
                .containsExactly("mbean servers 1", "references per cache line null");
    }

    private static List<String> runStartOnce(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StartOnce.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (var out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().filter(line -> line.startsWith("mbean servers") || line.startsWith("references"))
                .toList();
    }

    /** Tells Jetty, as the wiring does first, starts the web app on a free port, answers one request, and prints what the test looks at. */
    public static final class StartOnce {
        public static void main(String[] args) throws Exception {
            JettyCacheLine.tellJetty();
            Javalin app = WebApp.create(new Routes(Duration.ZERO), TrustedProxies.NONE, Duration.ofSeconds(10),
                    new WebObservation(request -> { }, Optional.empty())).start("127.0.0.1", 0);
            try {
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + app.port() + "/api.php?s=test/none")).build(),
                        HttpResponse.BodyHandlers.discarding());
                System.out.println("mbean servers " + MBeanServerFactory.findMBeanServer(null).size());
                System.out.println("references per cache line "
                        + System.getProperty(JettyCacheLine.REFERENCES_PER_CACHE_LINE));
            } finally {
                app.stop();
            }
        }
    }
}
