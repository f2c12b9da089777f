package io.minipass.adapters.persistence;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the user database is and how to reach it.
 *
 * @param jdbcUrl         {@code jdbc:mysql:}, {@code jdbc:mariadb:} (both through MySQL Connector/J) or {@code jdbc:h2:}
 * @param tablePrefix     ShopXO's table prefix: at most {@value #MAX_TABLE_PREFIX_LENGTH} letters, digits, underscores
 * @param maximumPoolSize the most connections held open at once
 * @param timeouts        how long a request may wait on the database ({@link DatabaseTimeouts#DEFAULTS} unless given)
 * @param layout          the ShopXO layout the shop says its database has: a new database is made in it, an existing
 *                        one must have it; empty: whatever an existing database has, and ShopXO v2's for a new one
 */
public record DatabaseSettings(String jdbcUrl, String username, String password, String tablePrefix, int maximumPoolSize,
                               DatabaseTimeouts timeouts, Optional<ShopLayout> layout) {
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
        timeouts = timeouts == null ? DatabaseTimeouts.DEFAULTS : timeouts;
        layout = layout == null ? Optional.empty() : layout;
    }

    public DatabaseSettings(String jdbcUrl, String username, String password, String tablePrefix, int maximumPoolSize,
                            DatabaseTimeouts timeouts) {
        this(jdbcUrl, username, password, tablePrefix, maximumPoolSize, timeouts, Optional.empty());
    }

    public DatabaseSettings(String jdbcUrl, String username, String password, String tablePrefix, int maximumPoolSize) {
        this(jdbcUrl, username, password, tablePrefix, maximumPoolSize, DatabaseTimeouts.DEFAULTS);
    }

    /** The same database, said to have (or to get, when new) this layout. */
    public DatabaseSettings withLayout(ShopLayout wanted) {
        return new DatabaseSettings(jdbcUrl, username, password, tablePrefix, maximumPoolSize, timeouts,
                Optional.of(wanted));
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=" + (password.isEmpty() ? "" : "***")
                + ", tablePrefix=" + tablePrefix + ", maximumPoolSize=" + maximumPoolSize + ", timeouts=" + timeouts
                + ", layout=" + layout.map(ShopLayout::name).orElse("detected") + "]";
    }
}
