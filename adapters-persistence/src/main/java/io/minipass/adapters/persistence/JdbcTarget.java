package io.minipass.adapters.persistence;

import com.mysql.cj.conf.ConnectionUrl;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The driver, URL and connection properties for a configured database URL.
 * MySQL and MariaDB both go through MySQL Connector/J, made to talk utf8mb4 (emoji nicknames)
 * whatever the URL says: the connection properties set here win over the URL's own options. A URL naming several
 * hosts fails over to a writable connection unless it says otherwise (docs/design.md, ADR-53).
 * H2 runs the same SQL in its MySQL mode.
 */
record JdbcTarget(Vendor vendor, String url, Map<String, String> properties) {

    enum Vendor {
        MYSQL,
        H2;

        String driverClassName() {
            return switch (this) {
                case MYSQL -> "com.mysql.cj.jdbc.Driver";
                case H2 -> "org.h2.Driver";
            };
        }
    }

    static final String FAIL_OVER_READ_ONLY = "failOverReadOnly";

    private static final String MYSQL = "jdbc:mysql:";
    private static final String MARIADB = "jdbc:mariadb:";
    private static final String H2 = "jdbc:h2:";

    /**
     * The names shops write for UTF-8 in {@code characterEncoding} and {@code characterSetResults}.
     * Java reads {@code utf8} as UTF-8, and Connector/J makes UTF-8 utf8mb4; MySQL's own
     * {@code utf8mb4} name is not a Java charset, so the URL's value never reaches the driver.
     */
    private static final Set<String> UTF8_NAMES = Set.of("utf8", "utf-8", "utf8mb4");

    /** Connection properties that make every Connector/J connection utf8mb4 (they override the URL's). */
    private static final Map<String, String> UTF8MB4 = Map.of(
            "characterEncoding", "UTF-8",
            "characterSetResults", "UTF-8");

    JdbcTarget {
        properties = Map.copyOf(properties);
    }

    static JdbcTarget of(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith(MYSQL)) {
            return mysql(jdbcUrl);
        }
        if (lower.startsWith(MARIADB)) {
            return mysql(MYSQL + jdbcUrl.substring(MARIADB.length()));
        }
        if (lower.startsWith(H2)) {
            return h2(jdbcUrl);
        }
        // Not the whole URL: it may carry a password.
        throw new IllegalArgumentException("unsupported database URL '" + scheme(jdbcUrl)
                + "...': use jdbc:mysql:, jdbc:mariadb: or jdbc:h2:");
    }

    String driverClassName() {
        return vendor.driverClassName();
    }

    /** Whether the URL sets this Connector/J option itself (names compared without case); never for H2. */
    boolean urlSets(String option) {
        return vendor == Vendor.MYSQL && mysqlQuery(url).containsKey(option.toLowerCase(Locale.ROOT));
    }

    /** The value the URL gives this Connector/J option (name compared without case), or "" when it gives none; "" for H2. */
    String urlOption(String option) {
        return vendor == Vendor.MYSQL ? mysqlQuery(url).getOrDefault(option.toLowerCase(Locale.ROOT), "") : "";
    }

    /**
     * The usual options ({@code useUnicode}, {@code characterEncoding=utf8}, {@code serverTimezone},
     * {@code useSSL}, ...) are accepted; only an option that would make the connection lose emoji
     * (another character set or collation) is refused, by name.
     */
    private static JdbcTarget mysql(String url) {
        Map<String, String> query = mysqlQuery(url);
        requireUtf8(query, "characterEncoding");
        requireUtf8(query, "characterSetResults");
        String collation = query.getOrDefault("connectioncollation", "");
        if (!collation.isEmpty() && !collation.toLowerCase(Locale.ROOT).startsWith("utf8mb4_")) {
            throw wouldLoseEmoji("connectionCollation=" + collation, "leave it out or use a utf8mb4_ collation");
        }
        String sessionVariables = query.getOrDefault("sessionvariables", "").toLowerCase(Locale.ROOT);
        if (sessionVariables.contains("character_set_") || sessionVariables.contains("collation_")) {
            throw wouldLoseEmoji("sessionVariables setting a character set or collation",
                    "leave those out of sessionVariables");
        }
        if (failsOver(url) && !query.containsKey(FAIL_OVER_READ_ONLY.toLowerCase(Locale.ROOT))) {
            Map<String, String> properties = new LinkedHashMap<>(UTF8MB4);
            properties.put(FAIL_OVER_READ_ONLY, "false");
            return new JdbcTarget(Vendor.MYSQL, url, properties);
        }
        return new JdbcTarget(Vendor.MYSQL, url, UTF8MB4);
    }

    /**
     * Whether Connector/J reads the URL as its failover form (several hosts after {@code jdbc:mysql://}, or
     * {@code jdbc:mysql+srv://}), where a connection whose host is lost moves to the next host: read-only, unless
     * {@value #FAIL_OVER_READ_ONLY} is false. A URL the driver cannot read is left to the driver to refuse.
     */
    private static boolean failsOver(String url) {
        try {
            ConnectionUrl.Type type = ConnectionUrl.getConnectionUrlInstance(url, null).getType();
            return type == ConnectionUrl.Type.FAILOVER_CONNECTION || type == ConnectionUrl.Type.FAILOVER_DNS_SRV_CONNECTION;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private static void requireUtf8(Map<String, String> query, String option) {
        String value = query.getOrDefault(option.toLowerCase(Locale.ROOT), "");
        if (!value.isEmpty() && !UTF8_NAMES.contains(value.toLowerCase(Locale.ROOT))) {
            throw wouldLoseEmoji(option + "=" + value, "leave it out or use utf8");
        }
    }

    private static IllegalArgumentException wouldLoseEmoji(String what, String fix) {
        return new IllegalArgumentException(what + " in the database URL would lose emoji (the service talks utf8mb4): "
                + fix);
    }

    /**
     * The SQL needs H2's MySQL mode; lower-case names match MySQL's. An in-memory database would
     * vanish whenever the pool happened to hold no connection, so it is kept until the JVM ends. H2's own
     * shutdown hook would close the database at SIGTERM under the requests still in flight: the service
     * closes it itself, last (docs/design.md#graceful-shutdown). H2 refuses that beside {@code AUTO_SERVER=TRUE} (a
     * file other processes open too), which then keeps H2's own hook.
     */
    private static JdbcTarget h2(String url) {
        Map<String, String> settings = h2Settings(url);
        StringBuilder full = new StringBuilder(url);
        if (!settings.containsKey("MODE")) {
            full.append(";MODE=MySQL");
        }
        if (!settings.containsKey("DATABASE_TO_LOWER") && !settings.containsKey("DATABASE_TO_UPPER")) {
            full.append(";DATABASE_TO_LOWER=TRUE");
        }
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:") && !settings.containsKey("DB_CLOSE_DELAY")) {
            full.append(";DB_CLOSE_DELAY=-1");
        }
        if (!settings.containsKey("DB_CLOSE_ON_EXIT") && !"TRUE".equalsIgnoreCase(settings.getOrDefault("AUTO_SERVER", ""))) {
            full.append(";DB_CLOSE_ON_EXIT=FALSE");
        }
        return new JdbcTarget(Vendor.H2, full.toString(), Map.of());
    }

    /** Connector/J's {@code ?key=value&...} properties, keys lower-cased, values URL-decoded. */
    private static Map<String, String> mysqlQuery(String url) {
        Map<String, String> query = new LinkedHashMap<>();
        int start = url.indexOf('?');
        if (start < 0) {
            return query;
        }
        for (String pair : url.substring(start + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1).trim();
            query.put(key.trim().toLowerCase(Locale.ROOT), decode(value));
        }
        return query;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return value;
        }
    }

    /** H2's {@code ;KEY=value} settings, keys upper-cased. */
    private static Map<String, String> h2Settings(String url) {
        Map<String, String> settings = new LinkedHashMap<>();
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String key = eq < 0 ? parts[i] : parts[i].substring(0, eq);
            settings.put(key.trim().toUpperCase(Locale.ROOT), eq < 0 ? "" : parts[i].substring(eq + 1).trim());
        }
        return settings;
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':', url.indexOf(':') + 1);
        return colon < 0 ? url.substring(0, Math.min(url.length(), 12)) : url.substring(0, colon + 1);
    }
}
