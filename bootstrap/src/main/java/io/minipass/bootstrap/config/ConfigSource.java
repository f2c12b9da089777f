package io.minipass.bootstrap.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where settings come from: an optional properties file ({@code minipass.port=8080}), overridden by
 * environment variables named after the keys ({@code MINIPASS_PORT=8080}). A {@linkplain KnownSettings#isSecret
 * secret} may instead be the content of a file: the one {@code MINIPASS_<NAME>_FILE} names, or the systemd credential
 * {@code $CREDENTIALS_DIRECTORY/MINIPASS_<NAME>} ({@code LoadCredential=}); at most one of the three may be set
 * (docs/security.md).
 */
public final class ConfigSource {
    static final String FILE_SUFFIX = "_FILE";
    static final String CREDENTIALS_DIRECTORY = "CREDENTIALS_DIRECTORY";
    private static final String KEY_PREFIX = "minipass.";

    private final Properties file;
    private final Map<String, String> environment;

    public ConfigSource(Properties file, Map<String, String> environment) {
        this.file = file;
        this.environment = Map.copyOf(environment);
    }

    /** The file named by {@code MINIPASS_CONFIG}, else {@code ./minipass.properties} if present, plus the environment. */
    public static ConfigSource fromEnvironment(Map<String, String> environment) {
        String named = environment.get(KnownSettings.CONFIG_FILE_VARIABLE);
        Path path = Path.of(named == null || named.isBlank() ? "minipass.properties" : named);
        Properties properties = new Properties();
        if (Files.isRegularFile(path)) {
            try (InputStream in = Files.newInputStream(path)) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read configuration file " + path.toAbsolutePath(), e);
            }
        } else if (named != null && !named.isBlank()) {
            throw new ConfigException("MINIPASS_CONFIG names a file that does not exist: " + path.toAbsolutePath());
        }
        return new ConfigSource(properties, environment);
    }

    /** The value of {@code minipass.<name>}; the environment's {@code MINIPASS_<NAME>} (or its file) wins. */
    public Optional<String> get(String name) {
        String envName = envName(name);
        String value = environment.get(envName);
        if (KnownSettings.isSecret(name)) {
            Optional<String> secret = secretFile(envName, value != null && !value.isBlank());
            if (secret.isPresent()) {
                return secret;
            }
        }
        if (value == null) {
            value = file.getProperty(KEY_PREFIX + name);
        }
        return Optional.ofNullable(value).map(String::trim);
    }

    public String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    /**
     * The content of the secret's file or systemd credential, if one is set.
     *
     * @throws ConfigException when more than one of the variable, its file and its credential is set, or the file
     *                         cannot be read (naming the path, never the content)
     */
    private Optional<String> secretFile(String envName, boolean variableSet) {
        List<String> sources = new ArrayList<>();
        if (variableSet) {
            sources.add(envName);
        }
        String named = environment.getOrDefault(envName + FILE_SUFFIX, "").trim();
        Path path = null;
        if (!named.isEmpty()) {
            sources.add(envName + FILE_SUFFIX);
            path = Path.of(named);
        }
        String credentials = environment.getOrDefault(CREDENTIALS_DIRECTORY, "").trim();
        if (!credentials.isEmpty() && Files.isRegularFile(Path.of(credentials, envName))) {
            sources.add("the systemd credential " + envName);
            path = Path.of(credentials, envName);
        }
        if (sources.size() > 1) {
            throw new ConfigException(String.join(" and ", sources) + " are both set: set the secret one way only");
        }
        if (path == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8).trim());
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigException(sources.get(0) + ": cannot read " + path.toAbsolutePath() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** The {@code MINIPASS_*} variables set, whatever they are. */
    Set<String> variableNames() {
        Set<String> names = new TreeSet<>();
        environment.keySet().stream().filter(name -> name.startsWith("MINIPASS_")).forEach(names::add);
        return names;
    }

    /** The properties file's keys, whatever they are. */
    Set<String> fileKeys() {
        return new TreeSet<>(file.stringPropertyNames());
    }

    /** Names the environment variable for a setting, for error messages and the README. */
    public static String envName(String name) {
        return ("MINIPASS_" + name).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The properties file's key for a setting. */
    static String fileKey(String name) {
        return KEY_PREFIX + name;
    }
}
