package io.minipass.adapters.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the account may change the schema, read from MySQL's and MariaDB's {@code SHOW GRANTS} without trying:
 * an account with DML only would otherwise have Flyway retry creating its history table for about ten seconds and
 * then fail with the server's bare "CREATE command denied" (docs/database.md).
 */
final class MigrationPrivileges {
    /**
     * What the migrations need on the shop's database beside DML: CREATE, since each makes its tables with their
     * indexes in one statement (the migrate account of docs/runbook.md#database-accounts, which RunbookSystemTest runs).
     * A migration that alters a table adds ALTER here.
     */
    static final List<String> NEEDED = List.of("CREATE");

    private static final Pattern GRANT = Pattern.compile("GRANT (.+?) ON (\\S+) TO .*", Pattern.DOTALL);
    /** Commas between privileges, not those of a column list ({@code SELECT (a, b)}). */
    private static final Pattern BETWEEN_PRIVILEGES = Pattern.compile(",\\s*(?![^()]*\\))");

    private MigrationPrivileges() {
    }

    /**
     * The privileges of {@link #NEEDED} the connection's account lacks on its database, in that order; empty when it
     * has them all or when it cannot be told (grants through roles).
     */
    static List<String> missing(Connection connection) throws SQLException {
        String database = connection.getCatalog();
        if (database == null || database.isEmpty()) {
            return List.of();
        }
        Set<String> granted = new LinkedHashSet<>();
        boolean roles = false;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GRANTS")) {
            while (rows.next()) {
                Matcher grant = GRANT.matcher(rows.getString(1));
                if (!grant.matches()) {
                    roles = true;
                } else if (appliesTo(grant.group(2), database)) {
                    for (String privilege : BETWEEN_PRIVILEGES.split(grant.group(1))) {
                        granted.add(privilege.trim().toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        if (granted.contains("ALL") || granted.contains("ALL PRIVILEGES")) {
            return List.of();
        }
        List<String> missing = NEEDED.stream().filter(privilege -> !granted.contains(privilege)).toList();
        return roles ? List.of() : missing;
    }

    /** {@code *.*}, or {@code `db`.*} whose name (a LIKE pattern: {@code _} and {@code %}) matches; no table's grant. */
    static boolean appliesTo(String target, String database) {
        if (target.equals("*.*")) {
            return true;
        }
        if (!target.endsWith(".*")) {
            return false;
        }
        String pattern = target.substring(0, target.length() - 2);
        if (pattern.startsWith("`") && pattern.endsWith("`") && pattern.length() >= 2) {
            pattern = pattern.substring(1, pattern.length() - 1).replace("``", "`");
        }
        return Pattern.compile(likeToRegex(pattern), Pattern.CASE_INSENSITIVE).matcher(database).matches();
    }

    private static String likeToRegex(String like) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    /** What the operator should do, naming the account's database and the privileges. */
    static String advice(String database, List<String> missing) {
        return "the database account may not " + String.join(", ", missing) + " on " + database
                + ": migrating the schema needs them (GRANT " + String.join(", ", NEEDED) + " ON `" + database
                + "`.* TO the account, or migrate with an account that has them)";
    }
}
