package io.minipass.bootstrap.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/minipass.env} means the same to each reader: systemd's EnvironmentFile, docker compose's env_file and
 * a shell that sources it ({@code set -a; . minipass.env}). A URL's options ({@code ?a=1&b=2}, H2's {@code ;MODE=…})
 * would end the line for a shell, so URLs are quoted: every reader takes the quotes off.
 */
class EnvTemplateTest {
    private static final Path TEMPLATE = Path.of("..", "deploy", "minipass.env");

    @Test
    void urls_are_quoted_so_that_their_options_survive_a_shell() throws IOException {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TEMPLATE)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                raw.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertThat(raw).containsKey("MINIPASS_DB_URL");
        raw.forEach((name, value) -> {
            if (name.endsWith("_URL") && !value.isEmpty()) {
                assertThat(value).as(name).startsWith("'").endsWith("'");
            }
        });
    }

    @Test
    void a_shell_that_sources_it_reads_what_systemd_reads() throws Exception {
        Map<String, String> systemd = read(TEMPLATE);
        // The options docs/configuration.md offers, inside the template's own quoting, as a shop would add them.
        String withOptions = Files.readString(TEMPLATE).replace("3306/shop'",
                "3306/shop?useUnicode=true&characterEncoding=utf8&serverTimezone=Asia/Shanghai&useSSL=false'");
        Path copy = Files.createTempFile("minipass", ".env");
        try {
            Files.writeString(copy, withOptions);
            Map<String, String> expected = read(copy);
            assertThat(expected.get("MINIPASS_DB_URL")).endsWith("&useSSL=false");
            for (Map.Entry<String, String> entry : expected.entrySet()) {
                assertThat(sourced(copy, entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
            }
        } finally {
            Files.deleteIfExists(copy);
        }
        assertThat(systemd).containsEntry("MINIPASS_DB_URL", "jdbc:mysql://127.0.0.1:3306/shop");
    }

    /** The template as systemd reads an EnvironmentFile: NAME=value, one pair of surrounding quotes taken off. */
    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String value = line.substring(line.indexOf('=') + 1);
            if (value.length() >= 2 && (value.charAt(0) == '\'' || value.charAt(0) == '"')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(line.substring(0, line.indexOf('=')), value);
        }
        return values;
    }

    private static String sourced(Path file, String name) throws Exception {
        Process bash = new ProcessBuilder("bash", "-c", "set -a; . \"$1\" >/dev/null 2>&1; printf %s \"${!2}\"", "bash",
                file.toString(), name).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String value = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return value;
    }
}
