package io.minipass.adapters.persistence;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the user database is and how to reach it.
 *
 * @param jdbcUrl         {@code jdbc:mysql:}, {@code jdbc:mariadb:} (both through MySQL Connector/J) or {@code jdbc:h2:}
 * @param tablePrefix     ShopXO's table prefix: at most {@value #MAX_TABLE_PREFIX_LENGTH} letters, digits, underscores
 * @param maximumPoolSize the most connections held open at once
 * @param connectTimeout  opening a connection to MySQL/MariaDB (Connector/J's {@code connectTimeout}); H2 is in
 *                        the process
 * @param queryTimeout    any wait for the server's answer on an open connection (Connector/J's {@code socketTimeout}),
 *                        so a stalled server or network is noticed and a statement never runs longer; on H2 the
 *                        statement timeout (MyBatis' default), so a statement waiting on a lock is given up
 * @param poolWait        waiting for a pooled connection (HikariCP's {@code connectionTimeout}): a dead database is
 *                        answered after this long. Each timeout is from {@value DatabaseTimeouts#MIN_MILLIS} ms to
 *                        {@value DatabaseTimeouts#MAX_MINUTES} minutes
 * @param layout          the ShopXO layout the shop says its database has, {@code v2} (ShopXO v2.2.0–v2.3.2) or
 *                        {@code v6} (ShopXO v3.0–v6.7): a new database is made in it, an existing one must have it;
 *                        empty: whatever an existing database has, and ShopXO v2's for a new one
 */
public record DatabaseSettings(String jdbcUrl, String username, String password, String tablePrefix, int maximumPoolSize,
                               Duration connectTimeout, Duration queryTimeout, Duration poolWait,
                               Optional<String> layout) {
    /** Long enough for any shop, short enough that every name built on it fits MySQL's 64 characters. */
    public static final int MAX_TABLE_PREFIX_LENGTH = 24;

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]{0," + MAX_TABLE_PREFIX_LENGTH + "}");

    public DatabaseSettings {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("database URL is empty");
        }
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        if (!PREFIX.matcher(tablePrefix).matches()) {
            throw new IllegalArgumentException(
                    "table prefix must be at most " + MAX_TABLE_PREFIX_LENGTH + " letters, digits or underscores: '" + tablePrefix + "'");
        }
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("maximum pool size must be at least 1: " + maximumPoolSize);
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        new DatabaseTimeouts(connectTimeout, queryTimeout, poolWait);
        layout = layout == null ? Optional.empty() : layout;
        layout.ifPresent(ShopLayout::named);
    }

    DatabaseTimeouts timeouts() {
        return new DatabaseTimeouts(connectTimeout, queryTimeout, poolWait);
    }

    Optional<ShopLayout> shopLayout() {
        return layout.map(ShopLayout::named);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=" + (password.isEmpty() ? "" : "***")
                + ", tablePrefix=" + tablePrefix + ", maximumPoolSize=" + maximumPoolSize + ", timeouts=" + timeouts()
                + ", layout=" + shopLayout().map(ShopLayout::name).orElse("detected") + "]";
    }
}
