package io.minipass.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which release this is and the commit it was built from, as the build wrote them into
 * {@code build-info.properties} (docs/operations.md, "Versions"): {@code 1.0.0} and git's short commit id, or
 * {@code unknown} for a commit the build could not see (no git, no repository).
 */
public record BuildInfo(String version, String commit) {
    static final String UNKNOWN = "unknown";
    private static final String RESOURCE = "build-info.properties";

    /** This jar's, or {@code unknown} twice for classes that no build filtered (an IDE's own compile). */
    public static BuildInfo ofThisJar() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new BuildInfo(filled(properties.getProperty("version")), filled(properties.getProperty("commit")));
    }

    /** {@code minipass 1.0.0 (commit 0123456789ab)}. */
    public String describe() {
        return "minipass " + version + " (commit " + commit + ")";
    }

    /** A value the build did not fill in stays {@code ${...}}: unknown. */
    private static String filled(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? UNKNOWN : value.strip();
    }
}
