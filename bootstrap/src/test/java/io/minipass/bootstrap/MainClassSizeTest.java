package io.minipass.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** No main class over 250 lines (issue 27): a class that grows past it has more than one reason to change. */
class MainClassSizeTest {
    private static final Path ROOT = Path.of("..");
    private static final int MOST_LINES = 250;

    @Test
    void no_main_class_is_over_250_lines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> modules = Files.list(ROOT)) {
            tooLong = modules.map(module -> module.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(MainClassSizeTest::javaFiles)
                    .filter(file -> lines(file) > MOST_LINES)
                    .map(file -> ROOT.relativize(file) + " (" + lines(file) + " lines)")
                    .sorted()
                    .toList();
        }
        assertThat(tooLong).as("main classes over " + MOST_LINES + " lines").isEmpty();
    }

    private static Stream<Path> javaFiles(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
