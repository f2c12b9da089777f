package io.minipass.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar under {@code env -i PATH=...}: no LANG, no LC_ALL, as on a bare systemd host, where JDK 17
 * writes the locale's charset (ASCII) and Chinese comes out as {@code ??}. The text log, the JSON log and
 * {@code check}'s lines must hold the Chinese intact, in UTF-8. The Chinese comes from a properties file (read as
 * UTF-8 whatever the locale): a profile name the service refuses, naming it.
 */
class AnyLocaleOutputIT {
    private static final String CHINESE = "生产环境";

    private static String runJar(Path config, Map<String, String> more, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("minipass.jar", "target/minipass.jar"));
        assertThat(jar).as("the jar (mvn package builds it)").exists();
        List<String> command = new ArrayList<>(List.of("env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin",
                "MINIPASS_CONFIG=" + config));
        more.forEach((name, value) -> command.add(name + "=" + value));
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(output, StandardCharsets.UTF_8);
    }

    @Test
    void chinese_is_intact_utf8_in_the_text_log_the_json_log_and_checks_output(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("minipass.properties"), "minipass.profile=" + CHINESE + "\n",
                StandardCharsets.UTF_8);

        String check = runJar(config, Map.of(), "check");
        assertThat(check).contains("FAIL configuration      MINIPASS_PROFILE=" + CHINESE + " is not development or production")
                .doesNotContain("??");

        String textLog = runJar(config, Map.of(), "serve");
        assertThat(textLog).contains("cannot start: MINIPASS_PROFILE=" + CHINESE).doesNotContain("??");

        String jsonLog = runJar(config, Map.of("MINIPASS_LOG_FORMAT", "json"), "serve");
        assertThat(jsonLog).contains("cannot start: MINIPASS_PROFILE=" + CHINESE).doesNotContain("??");
    }
}
