package io.minipass.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar carries no code the service never runs (docs/security.md, "What the jar carries"): Jetty's web-application
 * machinery (annotation scanning, JNDI, CDI, XML configuration), Lettuce's token authentication, the MySQL driver's
 * Protocol Buffers and Prometheus' protobuf format. The service itself runs from this jar in the other *IT tests.
 */
class ShippedJarContentIT {
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

    private static List<String> entries() throws IOException {
        Path jar = Path.of(System.getProperty("minipass.jar", "target/minipass.jar"));
        assertThat(jar).as("the jar (mvn package builds it)").exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).toList();
        }
    }
}
