package io.minipass.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and {@code docs/} hold together: every link to a file of the repository names one that exists, every
 * anchor names a heading of that file (as GitHub makes anchors of headings), and every page of {@code docs/} is
 * linked from the docs index and from the README.
 */
class DocumentationLinksTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    /** How code, poms and deploy/ cite the docs: {@code docs/security.md#attempt-budgets}. */
    private static final Pattern CITATION = Pattern.compile("docs/([a-z-]+\\.md)(?:#([\\p{L}\\p{N}_-]+))?");

    @Test
    void every_link_names_a_file_and_a_heading_that_exist() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String target : links(page)) {
                if (target.matches("^[a-z]+:.*")) {
                    continue; // https:, mailto: - outside the repository
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(linked)) {
                    broken.add(ROOT.relativize(page) + " -> " + target + " (no such file)");
                    continue;
                }
                if (hash >= 0 && linked.toString().endsWith(".md")
                        && !anchors(linked).contains(target.substring(hash + 1))) {
                    broken.add(ROOT.relativize(page) + " -> " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void every_citation_of_the_docs_in_code_and_deploy_files_names_a_page_and_a_heading_that_exist() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(ROOT)) {
            sources = files.filter(Files::isRegularFile)
                    .filter(path -> !path.toString().contains("/target/") && !path.toString().contains("/.git/"))
                    .filter(path -> path.toString().matches(".*\\.(java|xml|conf|service|env|yml|yaml|json)$")
                            || path.startsWith(ROOT.resolve("deploy")) || path.startsWith(ROOT.resolve("bench")))
                    .toList();
        }
        for (Path source : sources) {
            Matcher citation = CITATION.matcher(Files.readString(source));
            while (citation.find()) {
                Path page = ROOT.resolve("docs").resolve(citation.group(1));
                if (!Files.exists(page)) {
                    broken.add(ROOT.relativize(source) + " -> " + citation.group() + " (no such page)");
                } else if (citation.group(2) != null && !anchors(page).contains(citation.group(2))) {
                    broken.add(ROOT.relativize(source) + " -> " + citation.group() + " (no such heading)");
                }
            }
        }
        assertThat(sources).isNotEmpty();
        assertThat(broken).isEmpty();
    }

    @Test
    void every_page_of_docs_is_linked_from_the_index_and_from_the_readme() throws IOException {
        Set<String> fromIndex = linkedFiles(ROOT.resolve("docs/README.md"));
        Set<String> fromReadme = linkedFiles(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            List<Path> pages = docs.filter(path -> path.toString().endsWith(".md"))
                    .filter(path -> !path.getFileName().toString().equals("README.md")).toList();
            assertThat(pages).isNotEmpty().allSatisfy(page -> {
                assertThat(fromIndex).as("docs/README.md links " + page.getFileName()).contains(page.normalize().toString());
                assertThat(fromReadme).as("README.md links " + page.getFileName()).contains(page.normalize().toString());
            });
        }
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    @Test
    void anchors_are_made_as_github_makes_them() throws IOException {
        Path page = Files.createTempFile("headings", ".md");
        try {
            Files.writeString(page, "# The login proof\n## `check`, then serve\n```\n# not a heading\n```\n"
                    + "## ShopXO v3.0–v6.7's tables\n## Repeat\n## Repeat\n## 接口 (v6)\n");
            assertThat(anchors(page)).containsExactlyInAnyOrder("the-login-proof", "check-then-serve",
                    "shopxo-v30v67s-tables", "repeat", "repeat-1", "接口-v6");
        } finally {
            Files.delete(page);
        }
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md").normalize()));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).map(Path::normalize).sorted().forEach(pages::add);
        }
        for (String other : List.of("BENCHMARKS.md", "CHANGELOG.md")) {
            if (Files.exists(ROOT.resolve(other))) {
                pages.add(ROOT.resolve(other).normalize());
            }
        }
        return pages;
    }

    private static Set<String> linkedFiles(Path page) throws IOException {
        Set<String> files = new HashSet<>();
        for (String target : links(page)) {
            if (!target.matches("^[a-z]+:.*")) {
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                if (!file.isEmpty()) {
                    files.add(page.getParent().resolve(file).normalize().toString());
                }
            }
        }
        return files;
    }

    /** The link targets of a page, outside code blocks and code spans. */
    private static List<String> links(Path page) throws IOException {
        List<String> targets = new ArrayList<>();
        for (String line : prose(page)) {
            Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", ""));
            while (link.find()) {
                targets.add(link.group(1));
            }
        }
        return targets;
    }

    private static Set<String> anchors(Path page) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(page)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = heading.group(1).toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
                        .replace(' ', '-');
                int repeats = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(repeats == 0 ? slug : slug + "-" + repeats);
            }
        }
        return anchors;
    }

    /** A page's lines outside fenced code blocks. */
    private static List<String> prose(Path page) {
        List<String> lines;
        try {
            lines = Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> prose = new ArrayList<>();
        boolean fenced = false;
        for (String line : lines) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
            } else if (!fenced) {
                prose.add(line);
            }
        }
        return prose;
    }
}
