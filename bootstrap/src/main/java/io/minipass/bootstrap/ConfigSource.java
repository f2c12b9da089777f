package io.minipass.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where settings come from: an optional properties file ({@code minipass.port=8080}), overridden by
 * environment variables named after the keys ({@code MINIPASS_PORT=8080}).
 */
public final class ConfigSource {
    private final Properties file;
    private final Map<String, String> environment;

    public ConfigSource(Properties file, Map<String, String> environment) {
        this.file = file;
        this.environment = Map.copyOf(environment);
    }

    /** The file named by {@code MINIPASS_CONFIG}, else {@code ./minipass.properties} if present, plus the environment. */
    public static ConfigSource fromEnvironment(Map<String, String> environment) {
        String named = environment.get("MINIPASS_CONFIG");
        Path path = Path.of(named == null || named.isBlank() ? "minipass.properties" : named);
        Properties properties = new Properties();
        if (Files.isRegularFile(path)) {
            try (InputStream in = Files.newInputStream(path)) {
                properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read configuration file " + path.toAbsolutePath(), e);
            }
        } else if (named != null && !named.isBlank()) {
            throw new ConfigException("MINIPASS_CONFIG names a file that does not exist: " + path.toAbsolutePath());
        }
        return new ConfigSource(properties, environment);
    }

    /** The value of {@code minipass.<name>}; the environment's {@code MINIPASS_<NAME>} wins. */
    public Optional<String> get(String name) {
        String envName = ("MINIPASS_" + name).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        String value = environment.get(envName);
        if (value == null) {
            value = file.getProperty("minipass." + name);
        }
        return Optional.ofNullable(value).map(String::trim);
    }

    public String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    /** Names the environment variable for a setting, for error messages and the README. */
    public static String envName(String name) {
        return ("MINIPASS_" + name).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
