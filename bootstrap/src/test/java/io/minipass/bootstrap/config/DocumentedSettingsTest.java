package io.minipass.bootstrap.config;

import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings the README, {@code docs/} and {@code deploy/} name are the ones {@link KnownSettings} lists, and
 * docs/configuration.md has a row for each of them: a renamed or removed setting cannot live on in a page.
 */
class DocumentedSettingsTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern VARIABLE = Pattern.compile("MINIPASS_[A-Z0-9_]+");
    /** The first cell of a table row: {@code | `MINIPASS_DB_USER` / `MINIPASS_DB_PASSWORD` | …}. */
    private static final Pattern ROW = Pattern.compile("^\\|([^|]+)\\|");
    private static final Pattern ROW_NAME = Pattern.compile("`(MINIPASS_[A-Z0-9_<>]+)`");
    private static final String EACH_PLATFORM = "<P>";

    /**
     * Names the pages show as what is no setting, each on the one page that may: the misspellings that
     * {@link UnknownSettings} reports, and a switch an ADR decided against.
     */
    private static final Map<String, Set<String>> NO_SETTING_ON = Map.of(
            "MINIPASS_DB_ULR", Set.of("docs/operations.md", "docs/security.md"),
            "MINIPASS_TRUST_PROXY_HEADER", Set.of("docs/security.md"),
            "MINIPASS_ALLOW_OPENID_ONLY_LOGINS", Set.of("docs/design.md"));

    @Test
    void every_setting_the_pages_name_is_one_the_service_reads() throws IOException {
        Set<String> known = knownVariables();
        List<String> unknown = new ArrayList<>();
        for (Path page : pages()) {
            String relative = ROOT.relativize(page).toString();
            Matcher name = VARIABLE.matcher(Files.readString(page));
            while (name.find()) {
                String variable = name.group();
                boolean named = variable.endsWith("_")
                        ? known.stream().anyMatch(k -> k.startsWith(variable)) // MINIPASS_BUDGET_*
                        : known.contains(variable);
                if (!named && !NO_SETTING_ON.getOrDefault(variable, Set.of()).contains(relative)) {
                    unknown.add(relative + ": " + variable);
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void the_names_shown_as_no_setting_are_indeed_none() {
        assertThat(knownVariables()).doesNotContainAnyElementsOf(NO_SETTING_ON.keySet());
    }

    @Test
    void every_setting_has_a_row_in_the_configuration_page() throws IOException {
        Set<String> rows = new LinkedHashSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("docs/configuration.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                Matcher name = ROW_NAME.matcher(row.group(1));
                while (name.find()) {
                    rows.addAll(expanded(name.group(1)));
                }
            }
        }
        Set<String> settings = new TreeSet<>();
        settings.add(KnownSettings.CONFIG_FILE_VARIABLE);
        KnownSettings.names().forEach(setting -> settings.add(ConfigSource.envName(setting)));
        assertThat(rows).as("rows of docs/configuration.md").containsAll(settings);
    }

    /** {@code MINIPASS_<P>_APPID} is one row for every platform's {@code MINIPASS_WEIXIN_APPID} and so on. */
    private static List<String> expanded(String name) {
        if (!name.contains(EACH_PLATFORM)) {
            return List.of(name);
        }
        return Stream.of(Platform.values())
                .map(platform -> name.replace(EACH_PLATFORM, platform.clientType().toUpperCase(Locale.ROOT)))
                .toList();
    }

    /** What {@link UnknownSettings} accepts: every setting, a secret's {@code _FILE} and {@code MINIPASS_CONFIG}. */
    private static Set<String> knownVariables() {
        Set<String> names = new LinkedHashSet<>();
        names.add(KnownSettings.CONFIG_FILE_VARIABLE);
        for (String setting : KnownSettings.names()) {
            names.add(ConfigSource.envName(setting));
            if (KnownSettings.isSecret(setting)) {
                names.add(ConfigSource.envName(setting) + ConfigSource.FILE_SUFFIX);
            }
        }
        return names;
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        try (Stream<Path> deploy = Files.walk(ROOT.resolve("deploy"))) {
            deploy.filter(Files::isRegularFile).sorted().forEach(pages::add);
        }
        assertThat(pages).hasSizeGreaterThan(10);
        return pages;
    }
}
