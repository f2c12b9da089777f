package io.minipass.bootstrap;

import io.minipass.bootstrap.observability.ServiceMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar carries no code the service never runs (docs/security.md, "What the jar carries"): Jetty's web-application
 * machinery (annotation scanning, JNDI, CDI, XML configuration), Lettuce's token authentication, the MySQL driver's
 * Protocol Buffers and Prometheus' protobuf format; and what is left runs: Javalin on Jetty, Lettuce with Redis (on
 * 127.0.0.1:6379, under a prefix of its own) and the metrics in Prometheus' text format.
 */
class ShippedJarContentIT {
    private static final String REDIS = System.getProperty("minipass.test.redis.url", "redis://127.0.0.1:6379");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final List<String> LEFT_OUT = List.of(
            "org/eclipse/jetty/annotations/",
            "org/eclipse/jetty/ee10/annotations/",
            "org/eclipse/jetty/ee10/plus/",
            "org/eclipse/jetty/ee10/webapp/",
            "org/eclipse/jetty/ee/webapp/",
            "org/eclipse/jetty/jndi/",
            "org/eclipse/jetty/plus/",
            "org/eclipse/jetty/xml/",
            "org/objectweb/asm/",
            "jakarta/enterprise/",
            "jakarta/interceptor/",
            "jakarta/transaction/",
            "org/eclipse/jetty/ee10/websocket/server/config/JettyWebSocketConfiguration",
            "META-INF/services/org.eclipse.jetty.ee10.webapp.Configuration",
            "redis/clients/authentication/",
            "io/lettuce/authx/",
            "com/google/protobuf/",
            "io/prometheus/metrics/shaded/",
            "io/prometheus/metrics/expositionformats/generated/");

    @Test
    void the_jar_leaves_out_what_the_service_never_loads() throws IOException {
        assertThat(entries()).filteredOn(name -> LEFT_OUT.stream().anyMatch(name::startsWith)).isEmpty();
    }

    @Test
    void what_it_keeps_is_what_the_service_runs() throws IOException {
        assertThat(entries()).contains(
                "io/javalin/jetty/JavalinJettyServlet.class",
                "org/eclipse/jetty/ee10/websocket/server/JettyWebSocketServlet.class",
                "io/lettuce/core/RedisClient.class",
                "com/mysql/cj/jdbc/Driver.class",
                "io/prometheus/metrics/expositionformats/PrometheusTextFormatWriter.class");
    }

    @Test
    void the_rest_serves_with_redis_and_answers_the_metrics(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path log = dir.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toAbsolutePath().toString(), "serve");
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("MINIPASS_"));
        env.putAll(Map.of(
                "MINIPASS_HOST", "127.0.0.1",
                "MINIPASS_PORT", Integer.toString(port),
                "MINIPASS_DB_URL", "jdbc:h2:mem:jar_" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
                "MINIPASS_REDIS_URL", REDIS,
                "MINIPASS_REDIS_KEY_PREFIX", "minipass-jar-it-" + UUID.randomUUID() + ":",
                "MINIPASS_REDIS_SESSION_KEY_SECRET", Base64.getEncoder().encodeToString(new byte[32])));
        builder.directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Process service = builder.start();
        try {
            HttpResponse<String> metrics = get(port, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValue(ServiceMetrics.CONTENT_TYPE);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes");
            assertThat(Files.readString(log)).contains("Shared state in Redis at")
                    .doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
        } finally {
            service.destroy();
            service.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** Asks until the service listens (it starts in about a second), for at most 60 s. */
    private static HttpResponse<String> get(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("minipass.jar", "target/minipass.jar"));
        assertThat(jar).as("the jar (mvn package builds it)").exists();
        return jar;
    }

    private static List<String> entries() throws IOException {
        try (JarFile file = new JarFile(jar().toFile())) {
            return file.stream().map(JarEntry::getName).toList();
        }
    }
}
