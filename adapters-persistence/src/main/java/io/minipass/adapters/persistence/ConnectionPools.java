package io.minipass.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;

import java.util.Map;

/** The settings of the connection pools the service opens: the one that serves requests, the migration's, the check's. */
final class ConnectionPools {
    /** How long a borrowed connection may take to prove it is alive, at most (HikariCP's floor is 250 ms). */
    private static final long MAX_VALIDATION_MILLIS = 1_000;

    /**
     * Connector/J options for the pool that serves requests, each unless the shop's URL sets it
     * (bench/run measured them, issue 13): statements prepared once per connection on the server and
     * kept (without them the driver parses every statement's text again on every call), and the
     * session state (autocommit, isolation, open transaction) tracked by the driver, so that a
     * setting already in force is not sent again and a commit or rollback with nothing to end is not
     * sent at all. HikariCP's recommended MySQL settings.
     */
    static final Map<String, String> MYSQL_STATEMENT_OPTIONS = Map.of(
            "useServerPrepStmts", "true",
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "250",
            "prepStmtCacheSqlLimit", "2048",
            "cacheResultSetMetadata", "true",
            "cacheServerConfiguration", "true",
            "useLocalSessionState", "true",
            "useLocalTransactionState", "true",
            "maintainTimeStats", "false");

    private ConnectionPools() {
    }

    /**
     * The pool that serves requests: a dead database fails a request after the pool wait, a silent one after
     * the query timeout (Connector/J's connect and socket timeouts, set as data-source properties beside the
     * URL's own), and a borrowed connection that was idle proves it is alive within a second.
     */
    static HikariConfig serving(DatabaseSettings settings) {
        DatabaseTimeouts timeouts = settings.timeouts();
        HikariConfig config = base(settings, "minipass-db");
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setConnectionTimeout(timeouts.poolWait().toMillis());
        config.setValidationTimeout(Math.min(MAX_VALIDATION_MILLIS, timeouts.poolWait().toMillis()));
        JdbcTarget target = JdbcTarget.of(settings.jdbcUrl());
        if (target.vendor() == JdbcTarget.Vendor.MYSQL) {
            config.addDataSourceProperty("connectTimeout", String.valueOf(timeouts.connect().toMillis()));
            config.addDataSourceProperty("socketTimeout", String.valueOf(timeouts.query().toMillis()));
            MYSQL_STATEMENT_OPTIONS.forEach((option, value) -> {
                if (!target.urlSets(option)) {
                    config.addDataSourceProperty(option, value);
                }
            });
        }
        return config;
    }

    /** Connections for the schema migration at start: they connect within the timeouts, but wait on a statement as long as it takes. */
    static HikariConfig migration(DatabaseSettings settings) {
        DatabaseTimeouts timeouts = settings.timeouts();
        HikariConfig config = base(settings, "minipass-db-migration");
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(Math.max(timeouts.poolWait().toMillis(), timeouts.connect().toMillis()));
        if (JdbcTarget.of(settings.jdbcUrl()).vendor() == JdbcTarget.Vendor.MYSQL) {
            config.addDataSourceProperty("connectTimeout", String.valueOf(timeouts.connect().toMillis()));
        }
        return config;
    }

    /** Connections for {@link DatabaseCheck}: within every timeout, and an H2 file is opened only if it exists. */
    static HikariConfig check(DatabaseSettings settings) {
        HikariConfig config = base(settings, "minipass-db-check");
        // Flyway's info holds one connection and reads the history on another
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(Math.max(settings.timeouts().poolWait().toMillis(), settings.timeouts().connect().toMillis()));
        if (JdbcTarget.of(settings.jdbcUrl()).vendor() == JdbcTarget.Vendor.MYSQL) {
            config.addDataSourceProperty("connectTimeout", String.valueOf(settings.timeouts().connect().toMillis()));
            config.addDataSourceProperty("socketTimeout", String.valueOf(settings.timeouts().query().toMillis()));
        } else if (!settings.jdbcUrl().regionMatches(true, 0, "jdbc:h2:mem:", 0, "jdbc:h2:mem:".length())) {
            // H2 would make a new, empty database for a file that does not exist: check writes nothing
            config.addDataSourceProperty("IFEXISTS", "TRUE");
        }
        return config;
    }

    private static HikariConfig base(DatabaseSettings settings, String poolName) {
        JdbcTarget target = JdbcTarget.of(settings.jdbcUrl());
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setDriverClassName(target.driverClassName());
        config.setJdbcUrl(target.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        target.properties().forEach(config::addDataSourceProperty);
        // Each statement sees what others committed: the claim checks read the latest rows.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return config;
    }
}
