package io.minipass.bootstrap.config;

import io.minipass.bootstrap.wiring.MinipassServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@code deploy/} promises beyond the syntax {@code deploy/check} verifies (nginx -t, systemd-analyze): no token
 * in nginx's access log, nginx's own request id, no version shown, a sandboxed unit with a memory bound above its heap,
 * an image without curl whose health check works, and an env template that production refuses until it is filled in.
 */
class DeployFilesTest {
    private static final Path DEPLOY = Path.of("..", "deploy");

    private static String read(String file) throws IOException {
        return Files.readString(DEPLOY.resolve(file));
    }

    @Test
    void nginx_logs_no_query_string_and_shows_no_version() throws IOException {
        String site = read("nginx-minipass.conf");

        Matcher format = Pattern.compile("log_format\\s+(\\S+)\\s+((?:'[^']*'\\s*)+);").matcher(site);
        assertThat(format.find()).as("a log format of its own").isTrue();
        String name = format.group(1);
        assertThat(format.group(2)).contains("$uri", "$request_id")
                .doesNotContain("$request ", "$request\"", "$request_uri", "$args", "$query_string", "$http_referer");
        List<String> servers = blocks(site, "server");
        assertThat(servers).hasSize(2).allSatisfy(server -> assertThat(server)
                .contains("server_tokens off;")
                .containsPattern("access_log\\s+\\S+\\s+" + Pattern.quote(name) + ";"));
    }

    @Test
    void nginx_sends_its_own_request_id_to_the_service_never_the_clients() throws IOException {
        String site = read("nginx-minipass.conf");

        List<String> proxied = blocks(site, "location").stream().filter(location -> location.contains("proxy_pass")).toList();
        assertThat(proxied).hasSize(2).allSatisfy(location ->
                assertThat(location).containsPattern("proxy_set_header\\s+X-Request-Id\\s+\\$request_id;"));
    }

    /** nginx's own JSON answers (busy, unavailable) are kept by no cache either, like the service's (docs/security.md). */
    @Test
    void nginx_answers_of_its_own_are_never_stored() throws IOException {
        String site = read("nginx-minipass.conf");

        List<String> ownAnswers = blocks(site, "location").stream().filter(location -> location.contains("return 200")).toList();
        assertThat(ownAnswers).isNotEmpty().allSatisfy(location ->
                assertThat(location).containsPattern("add_header\\s+Cache-Control\\s+no-store\\s+always;"));
    }

    @Test
    void the_unit_filters_system_calls_hides_other_processes_and_bounds_memory_above_its_heap() throws IOException {
        String unit = read("minipass.service");

        assertThat(unit).contains("\nSystemCallFilter=@system-service\n", "\nProtectProc=invisible\n");
        Matcher heap = Pattern.compile("-Xmx(\\d+)m").matcher(unit);
        Matcher memory = Pattern.compile("\nMemoryMax=(\\d+)([MG])\n").matcher(unit);
        assertThat(heap.find()).isTrue();
        assertThat(memory.find()).isTrue();
        long memoryMb = Long.parseLong(memory.group(1)) * (memory.group(2).equals("G") ? 1024 : 1);
        // the JVM holds ~140 MB beside a full heap at rest (docs/operations.md#memory), more under load
        assertThat(memoryMb).isGreaterThanOrEqualTo(Long.parseLong(heap.group(1)) + 256);
    }

    @Test
    void the_image_installs_no_curl_and_its_health_check_asks_the_service() throws Exception {
        String dockerfile = read("Dockerfile");
        assertThat(dockerfile).doesNotContain("curl ", "apt-get install");
        Matcher check = Pattern.compile("HEALTHCHECK [^\n]*\\\\\n\\s+CMD (.+)\n").matcher(dockerfile);
        assertThat(check.find()).isTrue();
        String command = check.group(1);

        Map<String, String> env = new HashMap<>();
        env.put("MINIPASS_HOST", "127.0.0.1");
        env.put("MINIPASS_PORT", "0");
        env.put("MINIPASS_DB_URL", "jdbc:h2:mem:deploy_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        try (MinipassServer server = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), env)))) {
            assertThat(shell(command, server.port())).as("the service answers").isZero();
        }
        int nobody;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = free.getLocalPort();
        }
        assertThat(shell(command, nobody)).as("nothing listens").isNotZero();
    }

    @Test
    void production_refuses_the_env_template_until_its_password_is_set() throws IOException {
        Map<String, String> template = new HashMap<>(EnvTemplateTest.read(DEPLOY.resolve("minipass.env")));
        assertThat(template).containsEntry("MINIPASS_PROFILE", "production");

        assertThatThrownBy(() -> MinipassConfig.load(new ConfigSource(new Properties(), template)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("MINIPASS_DB_PASSWORD is still change-me");
        template.put("MINIPASS_DB_PASSWORD", "a-real-password");
        assertThat(MinipassConfig.load(new ConfigSource(new Properties(), template)).observability().metricsOnApiPort())
                .isFalse();
    }

    @Test
    void the_env_template_names_every_setting_the_service_reads_and_its_defaults_load() throws IOException {
        Pattern setting = Pattern.compile("^(?:# )?(MINIPASS_[A-Z0-9_]+)=(.*)$");
        Map<String, String> everyLine = new HashMap<>();
        for (String line : read("minipass.env").split("\n")) {
            Matcher named = setting.matcher(line);
            if (named.matches()) {
                everyLine.put(named.group(1), named.group(2));
            }
        }
        for (String name : KnownSettings.names()) {
            assertThat(everyLine).as("deploy/minipass.env names " + ConfigSource.envName(name))
                    .containsKey(ConfigSource.envName(name));
        }
        assertThat(UnknownSettings.in(new ConfigSource(new Properties(), everyLine))).isEmpty();

        everyLine.put("MINIPASS_DB_PASSWORD", "a-real-password");
        MinipassConfig config = MinipassConfig.load(new ConfigSource(new Properties(), everyLine));
        assertThat(config.security().budgets()).isEqualTo(SecurityConfig.DEFAULT_BUDGETS);
        assertThat(config.redis()).isEmpty();
    }

    @Test
    void the_unit_writes_utf8_whatever_the_hosts_locale() throws IOException {
        String unit = read("minipass.service");
        assertThat(unit).contains("\nEnvironment=LANG=C.UTF-8\n");
        List<String> javaLines = unit.replace("\\\n", " ").lines().filter(line -> line.contains("/usr/bin/java")).toList();
        assertThat(javaLines).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8"));
    }

    /** The command as Docker runs a HEALTHCHECK's shell form ({@code /bin/sh -c}), with the service's port set. */
    private static int shell(String command, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("MINIPASS_PORT", String.valueOf(port));
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the check ends").isTrue();
        return process.exitValue();
    }

    /** The bodies of the top-level-or-nested blocks opened by {@code keyword ... {}}, braces balanced. */
    private static List<String> blocks(String text, String keyword) {
        Matcher start = Pattern.compile("(?m)^\\s*" + keyword + "\\b[^{;\n]*\\{").matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (start.find()) {
            int depth = 1;
            int at = start.end();
            while (depth > 0 && at < text.length()) {
                char c = text.charAt(at++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            found.add(text.substring(start.end(), at - 1));
        }
        return found;
    }
}
