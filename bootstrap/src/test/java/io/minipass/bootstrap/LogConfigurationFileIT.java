package io.minipass.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar's logging ({@code java -jar minipass.jar check}, a process of its own): its own {@code logback.xml} unless an
 * operator's file is given; a file named but missing leaves the jar's, never Logback's fallback, which logs everything
 * at DEBUG, SQL parameters included (docs/design.md, ADR-46).
 */
class LogConfigurationFileIT {

    @Test
    void without_a_file_the_service_logs_as_its_jar_says() throws Exception {
        String output = check();
        assertThat(output).contains("OK   database").doesNotContain(" DEBUG ");
    }

    @Test
    void a_file_named_but_missing_leaves_the_jars_logging(@TempDir Path dir) throws Exception {
        String output = check("-Dlogback.configurationFile=" + dir.resolve("missing.xml"));
        assertThat(output).contains("OK   database").doesNotContain(" DEBUG ");
    }

    @Test
    void an_operators_file_is_read_instead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logback.xml");
        Files.writeString(file, """
                <configuration>
                    <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>FROM-FILE %level %logger - %msg%n</pattern></encoder>
                    </appender>
                    <root level="DEBUG"><appender-ref ref="CONSOLE"/></root>
                </configuration>
                """);
        String output = check("-Dlogback.configurationFile=" + file);
        assertThat(output).contains("OK   database", "FROM-FILE DEBUG com.zaxxer.hikari");
    }

    private static String check(String... jvmOptions) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("minipass.jar", "target/minipass.jar"));
        assertThat(jar).as("the jar (mvn package builds it)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "check"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("MINIPASS_"));
        env.put("MINIPASS_DB_URL", "jdbc:h2:mem:logging_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        Process process = builder.start();
        process.getOutputStream().close();
        String output;
        try (var lines = process.getInputStream()) {
            output = new String(lines.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
