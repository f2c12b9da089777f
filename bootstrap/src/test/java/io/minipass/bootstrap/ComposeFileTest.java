package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/compose.yaml}, a shop on one box, as far as it can be checked without a container engine (none on this
 * project's machines; deploy/check runs {@code docker compose config} where there is one): its services and their
 * health checks, the order they start in, settings the service knows and accepts in production, and an nginx that
 * runs the shipped site.
 */
class ComposeFileTest {
    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final List<String> PLATFORMS = List.of("WEIXIN", "QQ", "TOUTIAO", "BAIDU", "KUAISHOU", "ALIPAY");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::([-?])([^}]*))?}");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(DEPLOY.resolve("compose.yaml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_shop_its_database_redis_the_service_and_nginx_each_with_a_health_check() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");

        assertThat(services).containsOnlyKeys("db", "redis", "minipass", "shop", "nginx");
        for (String name : List.of("db", "redis", "shop", "nginx")) {
            assertThat((Map<String, Object>) service(name).get("healthcheck")).as(name).containsKey("test");
        }
        assertThat(service("minipass")).as("the image's own health check").doesNotContainKey("healthcheck");
        assertThat(Files.readString(DEPLOY.resolve("Dockerfile"))).contains("HEALTHCHECK").doesNotContain("curl ");
        assertThat(Path.of("..").resolve(((Map<String, String>) service("minipass").get("build")).get("dockerfile")))
                .isEqualTo(Path.of("..", "deploy", "Dockerfile"));
        assertThat(DEPLOY.resolve("shop-stand-in/router.php")).exists();
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_starts_after_what_it_needs_is_healthy() throws IOException {
        assertThat((Map<String, Map<String, String>>) service("minipass").get("depends_on"))
                .containsOnlyKeys("db", "redis").allSatisfy((name, condition) ->
                        assertThat(condition).containsEntry("condition", "service_healthy"));
        assertThat((Map<String, Map<String, String>>) service("nginx").get("depends_on"))
                .containsOnlyKeys("minipass", "shop").allSatisfy((name, condition) ->
                        assertThat(condition).containsEntry("condition", "service_healthy"));
    }

    @Test
    void the_services_settings_are_known_and_production_accepts_them() throws IOException {
        Map<String, String> environment = environment();
        Set<String> documented = documentedSettings();

        assertThat(environment.keySet()).allSatisfy(name -> assertThat(documented).as("docs/configuration.md")
                .contains(name));
        MinipassConfig config = MinipassConfig.load(new ConfigSource(new Properties(), environment));
        assertThat(config.profile().name()).isEqualToIgnoringCase("production");
        assertThat(config.shutdownGrace()).isLessThan(Duration.parse("PT" + service("minipass")
                .get("stop_grace_period").toString().toUpperCase()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void nginx_runs_the_shipped_site_with_the_services_addresses_and_is_the_only_trusted_proxy() throws IOException {
        Map<String, Object> nginx = service("nginx");
        String command = String.join(" ", (List<String>) nginx.get("command"));
        String site = Files.readString(DEPLOY.resolve("nginx-minipass.conf"));

        assertThat((List<String>) nginx.get("volumes")).contains("./nginx-minipass.conf:/etc/minipass/nginx-minipass.conf:ro");
        Matcher rewrite = Pattern.compile("-e 's#?/?([^/#']+)[/#]([^/#']+)[/#]'").matcher(command);
        Map<String, String> rewrites = new LinkedHashMap<>();
        while (rewrite.find()) {
            rewrites.put(rewrite.group(1), rewrite.group(2));
        }
        assertThat(rewrites).containsEntry("127.0.0.1:8080", "minipass:8080").containsEntry("127.0.0.1:8000", "shop:8000");
        assertThat(site).contains("server 127.0.0.1:8080", "server 127.0.0.1:8000", "/var/log/nginx/minipass.access.log");
        String address = ((Map<String, Map<String, String>>) nginx.get("networks")).get("shop").get("ipv4_address");
        assertThat(environment()).containsEntry("MINIPASS_TRUSTED_PROXIES", address + "/32")
                .containsEntry("MINIPASS_TRUST_PROXY_HEADERS", "true");
    }

    /** The service's environment as compose gives it, with ${NAME:?…} filled in as an operator must. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> environment() throws IOException {
        Map<String, Object> given = (Map<String, Object>) service("minipass").get("environment");
        Map<String, String> environment = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            Matcher variable = INTERPOLATION.matcher(String.valueOf(value));
            StringBuilder filled = new StringBuilder();
            while (variable.find()) {
                String replacement = "?".equals(variable.group(2))
                        ? (variable.group(1).endsWith("SECRET") ? "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=" : "operator-set")
                        : variable.group(3) == null ? "" : variable.group(3);
                variable.appendReplacement(filled, Matcher.quoteReplacement(replacement));
            }
            variable.appendTail(filled);
            environment.put(name, filled.toString());
        });
        return environment;
    }

    /** The names docs/configuration.md's table gives, {@code MINIPASS_<P>_APPID} once per platform it lists. */
    private static Set<String> documentedSettings() throws IOException {
        return Files.readAllLines(Path.of("..", "docs", "configuration.md")).stream()
                .filter(line -> line.startsWith("| `MINIPASS_"))
                .flatMap(line -> Pattern.compile("`(MINIPASS_[A-Z0-9_<>]+)`").matcher(line.split("\\|")[1]).results()
                        .map(match -> match.group(1))
                        .flatMap(name -> name.contains("<P>")
                                ? PLATFORMS.stream().map(platform -> name.replace("<P>", platform))
                                : Stream.of(name)))
                .collect(Collectors.toSet());
    }
}
