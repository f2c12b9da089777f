package io.minipass.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release the build names is the one the CHANGELOG and the README name, and the README names no commit (a hash
 * there is stale at the next commit; {@code --version} names the jar's).
 */
class ReleaseFilesTest {
    private static final Path ROOT = Path.of("..");
    /** A word of 7 to 40 hex digits with a letter and a digit in it: how git names a commit. */
    private static final Pattern COMMIT = Pattern.compile("\\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{7,40}\\b");

    @Test
    void the_changelog_starts_with_the_release_the_build_names() throws IOException {
        String version = BuildInfo.ofThisJar().version();
        assertThat(version).matches("\\d+\\.\\d+\\.\\d+");

        List<String> releases = new ArrayList<>();
        Matcher release = Pattern.compile("(?m)^## \\[(\\d+\\.\\d+\\.\\d+)] - \\d{4}-\\d{2}-\\d{2}$")
                .matcher(Files.readString(ROOT.resolve("CHANGELOG.md")));
        while (release.find()) {
            releases.add(release.group(1));
        }
        assertThat(releases).as("releases in CHANGELOG.md, newest first").isNotEmpty().startsWith(version);
    }

    @Test
    void the_readme_names_the_release_and_no_commit() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));

        assertThat(readme).contains("minipass **" + BuildInfo.ofThisJar().version() + "**");
        // outside code blocks, whose tokens and ids are examples
        String prose = readme.replaceAll("(?s)```.*?```", "");
        List<String> commits = new ArrayList<>();
        Matcher commit = COMMIT.matcher(prose);
        while (commit.find()) {
            commits.add(commit.group());
        }
        assertThat(commits).as("commit hashes in README.md").isEmpty();
    }
}
