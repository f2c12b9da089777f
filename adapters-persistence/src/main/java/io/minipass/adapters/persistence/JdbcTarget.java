package io.minipass.adapters.persistence;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The driver, URL and connection properties for a configured database URL.
 * MySQL and MariaDB both go through MySQL Connector/J, made to talk utf8mb4 (emoji nicknames);
 * H2 runs the same SQL in its MySQL mode.
 */
record JdbcTarget(Vendor vendor, String url, Map<String, String> properties) {

    enum Vendor {
        MYSQL("com.mysql.cj.jdbc.Driver"),
        H2("org.h2.Driver");

        private final String driverClassName;

        Vendor(String driverClassName) {
            this.driverClassName = driverClassName;
        }

        String driverClassName() {
            return driverClassName;
        }
    }

    private static final String MYSQL = "jdbc:mysql:";
    private static final String MARIADB = "jdbc:mariadb:";
    private static final String H2 = "jdbc:h2:";

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

    private static JdbcTarget mysql(String url) {
        Map<String, String> query = mysqlQuery(url);
        Map<String, String> added = new LinkedHashMap<>();
        String encoding = query.get("characterencoding");
        if (encoding == null) {
            added.put("characterEncoding", "UTF-8");
        } else if (!encoding.equalsIgnoreCase("UTF-8") && !encoding.equalsIgnoreCase("utf8mb4")) {
            throw new IllegalArgumentException("characterEncoding=" + encoding
                    + " in the database URL would lose emoji: leave it out or use UTF-8");
        }
        return new JdbcTarget(Vendor.MYSQL, url, added);
    }

    /**
     * The SQL needs H2's MySQL mode; lower-case names match MySQL's. An in-memory database would
     * vanish whenever the pool happened to hold no connection, so it is kept until the JVM ends.
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
        return new JdbcTarget(Vendor.H2, full.toString(), Map.of());
    }

    /** Connector/J's {@code ?key=value&...} properties, keys lower-cased. */
    private static Map<String, String> mysqlQuery(String url) {
        Map<String, String> query = new LinkedHashMap<>();
        int start = url.indexOf('?');
        if (start < 0) {
            return query;
        }
        for (String pair : url.substring(start + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            query.put(key.trim().toLowerCase(Locale.ROOT), eq < 0 ? "" : pair.substring(eq + 1).trim());
        }
        return query;
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
