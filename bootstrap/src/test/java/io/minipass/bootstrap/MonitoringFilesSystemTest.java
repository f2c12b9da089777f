package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring {@code deploy/} ships: the Prometheus alert rules parse as rule groups, and every metric their
 * expressions and the Grafana dashboard's panels name is one the service exports from its start (a rule on a metric
 * that does not exist never fires, a panel on one stays empty: docs/operations.md, "Metrics").
 */
class MonitoringFilesSystemTest {
    private static final Path DEPLOY = Path.of("..", "deploy");
    /** Series Prometheus makes itself for every target it scrapes. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");
    private static final Pattern SAMPLE_NAME = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");
    private static final Pattern DURATION = Pattern.compile("\\d+[smhd]");

    private static MinipassServer server;
    private static Set<String> exported;

    @BeforeAll
    static void scrapeAtStart() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("MINIPASS_PORT", "0");
        env.put("MINIPASS_HOST", "127.0.0.1");
        env.put("MINIPASS_DB_URL", "jdbc:h2:mem:monitoring_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
        server = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), env)));
        // nothing asked of it yet: what a freshly started node exports, the series rules and panels can count on
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        exported = sampleNames(scrape.body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_alert_rules_are_prometheus_rule_groups() throws IOException {
        JsonNode groups = alertRules().path("groups");

        assertThat(groups.isArray() && !groups.isEmpty()).as("groups[]").isTrue();
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : groups) {
            assertThat(group.path("name").asText()).as("a group's name").isNotBlank();
            assertThat(group.path("rules").isArray() && !group.path("rules").isEmpty()).as("%s: rules[]", group.path("name")).isTrue();
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                assertThat(alert).as("every rule is an alert: %s", rule).matches("[A-Z][A-Za-z0-9]+");
                assertThat(rule.path("expr").asText()).as("%s: expr", alert).isNotBlank();
                assertThat(rule.path("for").asText()).as("%s: for", alert).matches(DURATION);
                assertThat(rule.path("labels").path("severity").asText()).as("%s: severity", alert).isIn("page", "ticket");
                assertThat(rule.path("annotations").path("summary").asText()).as("%s: summary", alert).isNotBlank();
                assertThat(rule.path("annotations").path("description").asText()).as("%s: description", alert).isNotBlank();
                Set<String> allowed = Set.of("alert", "expr", "for", "labels", "annotations", "keep_firing_for");
                rule.fieldNames().forEachRemaining(field -> assertThat(allowed).as("%s: field %s", alert, field).contains(field));
                alerts.add(alert);
            }
        }
        assertThat(alerts).doesNotHaveDuplicates()
                .contains("MinipassNotReady", "MinipassStorageUnavailable", "MinipassSharedStateUnavailable",
                        "MinipassPlatformRefusals", "MinipassPoolWaits", "MinipassSlowAnswers", "MinipassBudgetRefusalSpike");
    }

    @Test
    void every_metric_the_alert_rules_name_is_exported_from_the_start() throws IOException {
        Map<String, Set<String>> named = new LinkedHashMap<>();
        for (JsonNode group : alertRules().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                named.put(rule.path("alert").asText(), PromQl.metricNames(rule.path("expr").asText()));
            }
        }

        assertNamedMetricsExported(named);
    }

    @Test
    void every_panel_of_the_dashboard_shows_a_metric_the_service_exports_from_the_start() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DEPLOY.resolve("grafana-dashboard.json")));
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("uid").asText()).isNotBlank();

        Map<String, Set<String>> named = new LinkedHashMap<>();
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panels::add);
        dashboard.path("panels").forEach(row -> row.path("panels").forEach(panels::add));
        for (JsonNode panel : panels) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            String title = panel.path("title").asText();
            assertThat(panel.path("targets").isArray() && !panel.path("targets").isEmpty()).as("%s: targets", title).isTrue();
            Set<String> metrics = new TreeSet<>();
            panel.path("targets").forEach(target -> metrics.addAll(PromQl.metricNames(target.path("expr").asText())));
            assertThat(metrics).as("%s names a metric", title).isNotEmpty();
            assertThat(named.put(title, metrics)).as("titles are unique: %s", title).isNull();
        }
        assertThat(named).as("panels").hasSizeGreaterThanOrEqualTo(8);

        assertNamedMetricsExported(named);
    }

    @Test
    void a_made_up_metric_is_found_and_labels_functions_and_ranges_are_not() {
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (le, route) "
                + "(rate(minipass_http_requests_seconds_bucket{route=~\"user/.*\",instance=~\"$instance\"}[$__rate_interval]))) > 1"))
                .containsExactly("minipass_http_requests_seconds_bucket");
        assertThat(PromQl.metricNames("max without (instance) (minipass_ready) == 0 or absent(up{job=\"minipass\"}) == 1"))
                .containsExactlyInAnyOrder("minipass_ready", "up");
        assertThat(PromQl.metricNames("sum(rate(minipass_made_up_total[5m])) / sum(rate(minipass_logins_total[5m] offset 1h)) > 2"))
                .containsExactlyInAnyOrder("minipass_made_up_total", "minipass_logins_total");
        assertThat(exported).doesNotContain("minipass_made_up_total", "minipass_http_requests_seconds")
                .contains("minipass_http_requests_seconds_bucket", "minipass_logins_total", "minipass_build_info");
    }

    private static void assertNamedMetricsExported(Map<String, Set<String>> named) {
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        named.forEach((where, metrics) -> {
            Set<String> absent = new TreeSet<>(metrics);
            absent.removeAll(exported);
            absent.removeAll(PROMETHEUS_OWN);
            if (!absent.isEmpty()) {
                missing.put(where, absent);
            }
        });
        assertThat(missing).as("metrics named but not exported (exported: %s)", exported).isEmpty();
    }

    private static JsonNode alertRules() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(DEPLOY.resolve("prometheus-alerts.yml")));
    }

    /** The series names of a scrape: {@code minipass_logins_total}, {@code minipass_http_requests_seconds_bucket}... */
    private static Set<String> sampleNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE_NAME.matcher(line);
            if (!line.startsWith("#") && sample.find()) {
                names.add(sample.group(1));
            }
        }
        return names;
    }

    /** Just enough of PromQL to find the metrics an expression selects. */
    static final class PromQl {
        private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
                "ignoring", "group_left", "group_right", "inf", "nan");

        private PromQl() {
        }

        /** Label matchers, ranges, grouping label lists and strings removed; what is left not followed by "(" is a metric. */
        static Set<String> metricNames(String expr) {
            String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                    .replaceAll("\\{[^}]*}", " ")
                    .replaceAll("\\[[^]]*]", " ")
                    .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                    .replaceAll("\\boffset\\s+\\S+", " ");
            Set<String> names = new TreeSet<>();
            Matcher identifier = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(bare);
            while (identifier.find()) {
                String name = identifier.group(1);
                if (identifier.group(2) == null && !KEYWORDS.contains(name.toLowerCase())) {
                    names.add(name);
                }
            }
            return names;
        }
    }
}
