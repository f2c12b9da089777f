package io.minipass.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nginx blocks the README and docs/ show are the shipped site's own lines (deploy/nginx-minipass.conf), so a
 * reader who copies one gets what the site does; a block of upstream nodes (docs/scaling.md) starts nginx in place
 * of the site's own upstream.
 */
class NginxSiteDocsTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern NGINX_BLOCK = Pattern.compile("```nginx\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern UPSTREAM = Pattern.compile("(?m)^upstream minipass \\{.*?^}", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void every_nginx_block_in_the_docs_is_the_shipped_sites_own() throws IOException {
        Set<String> shipped = new HashSet<>(directives(Files.readString(ROOT.resolve("deploy/nginx-minipass.conf"))));
        List<String> strangers = new ArrayList<>();
        for (Path doc : docs()) {
            for (String block : nginxBlocks(doc)) {
                // A block of upstream nodes names a shop's own addresses: the next test starts it.
                for (String line : directives(UPSTREAM.matcher(block).replaceAll(""))) {
                    if (!shipped.contains(line)) {
                        strangers.add(ROOT.relativize(doc) + ": " + line);
                    }
                }
            }
        }
        assertThat(strangers).as("nginx lines in the docs that deploy/nginx-minipass.conf does not have").isEmpty();
    }

    @Test
    void the_several_nodes_upstream_of_docs_scaling_starts_in_the_shipped_site() throws Exception {
        List<String> upstreams = nginxBlocks(ROOT.resolve("docs/scaling.md")).stream()
                .map(UPSTREAM::matcher).filter(Matcher::find).map(Matcher::group).toList();
        assertThat(upstreams).hasSize(1);

        try (NamedBackend shop = NamedBackend.start("shop");
             NginxSite site = NginxSite.start(dir, new InetSocketAddress("127.0.0.1", NginxSite.freePort()),
                     shop.address(), text -> UPSTREAM.matcher(text).replaceFirst(Matcher.quoteReplacement(upstreams.get(0))))) {
            assertThat(site.send("GET", "/api.php?s=goods/detail", "").body()).startsWith("shop ");
        }
    }

    private static List<Path> docs() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            return Stream.concat(Stream.of(ROOT.resolve("README.md")), files.filter(f -> f.toString().endsWith(".md")))
                    .sorted().toList();
        }
    }

    private static List<String> nginxBlocks(Path doc) throws IOException {
        Matcher blocks = NGINX_BLOCK.matcher(Files.readString(doc));
        List<String> found = new ArrayList<>();
        while (blocks.find()) {
            found.add(blocks.group(1));
        }
        return found;
    }

    /** Each line without its comment and with single spaces; no blank lines, no lone braces. */
    private static List<String> directives(String text) {
        return text.lines()
                .map(line -> line.replaceAll("\\s+#.*$|^\\s*#.*$", "").trim().replaceAll("\\s+", " "))
                .filter(line -> !line.isEmpty() && !line.equals("}"))
                .toList();
    }
}
