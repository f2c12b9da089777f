package io.minipass.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import io.minipass.adapters.persistence.platformrows.PlatformRowsStore;
import io.minipass.adapters.persistence.usercolumns.UserColumnsStore;
import io.minipass.application.port.out.LoadUserPort;
import io.minipass.application.port.out.RevokeUserTokensPort;
import io.minipass.application.port.out.UserStorePorts;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The user database: a connection pool, the schema brought up to date, and the MyBatis mappers
 * on it. Open one per process and close it on shutdown.
 */
public final class MyBatisPersistence implements AutoCloseable {
    private static final String MIGRATIONS = "classpath:db/migration/minipass";
    /** MyBatis's database id on MySQL/MariaDB: statements with {@code databaseId="mysql"} exist there only. */
    static final String MYSQL = "mysql";
    /** How long a borrowed connection may take to prove it is alive, at most (HikariCP's floor is 250 ms). */
    private static final long MAX_VALIDATION_MILLIS = 1_000;

    private static final long TOKEN_CACHE_SIZE = 100_000;

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

    private final HikariDataSource dataSource;
    private final ShopLayout layout;
    private final ShopUserStore userStore;
    private final ReachabilityCheck reachability;
    private final TokenCacheCounts tokenCacheCounts = new TokenCacheCounts();

    private MyBatisPersistence(HikariDataSource dataSource, ShopSchema schema, ShopUserStore userStore,
                               ReachabilityCheck reachability) {
        this.dataSource = dataSource;
        this.layout = schema.layout();
        this.userStore = userStore;
        this.reachability = reachability;
    }

    /**
     * Connects (failing at once when the database cannot be reached), checks that ShopXO's tables,
     * if there are any, have a layout this service shares ({@link ShopSchema}) and the one the settings name,
     * gives a new database the layout's tables, migrates our own tables and readies the layout's mappers. A
     * database that already has ShopXO's tables, but none of ours, is baselined first: ShopXO's tables are kept
     * as they are.
     *
     * <p>The migration runs on connections of its own without the socket timeout, so that a long
     * schema change on a big shop database is not cut short; the pool that serves requests has
     * every timeout of {@link DatabaseSettings#timeouts()}.
     *
     * @throws UnsupportedShopSchemaException for a ShopXO database of another layout, before anything is written
     */
    public static MyBatisPersistence open(DatabaseSettings settings) {
        return open(settings, null);
    }

    /**
     * @param poolMetrics where the pool that serves requests reports its connections, waits and timeouts (HikariCP's
     *                    own metrics, e.g. its Micrometer tracker); null: nowhere
     * @see #open(DatabaseSettings)
     */
    public static MyBatisPersistence open(DatabaseSettings settings, MetricsTrackerFactory poolMetrics) {
        return open(settings, poolMetrics, true);
    }

    /**
     * Opens the database of a shop the service already serves, for an operator's command that runs beside the
     * nodes ({@code minipass revoke}): nothing is migrated or made, so a command of another release than the nodes'
     * changes no schema under them.
     *
     * @throws UnsupportedShopSchemaException when the database has no ShopXO user table, or one of another layout
     */
    public static MyBatisPersistence openServed(DatabaseSettings settings) {
        return open(settings, null, false);
    }

    private static MyBatisPersistence open(DatabaseSettings settings, MetricsTrackerFactory poolMetrics, boolean migrate) {
        HikariConfig pool = poolConfig(settings);
        if (poolMetrics != null) {
            pool.setMetricsTrackerFactory(poolMetrics);
        }
        HikariDataSource dataSource = new HikariDataSource(pool);
        try {
            Optional<ShopSchema> found = ShopSchema.inspect(dataSource, settings.tablePrefix());
            found.ifPresent(existing -> requireLayout(existing, settings));
            if (found.isEmpty() && !migrate) {
                throw new UnsupportedShopSchemaException("the database has no ShopXO user table ("
                        + settings.tablePrefix() + "user): nothing to serve yet");
            }
            ShopSchema schema = found.orElseGet(() -> ShopSchema.made(settings.layout().orElse(ShopLayout.USER_COLUMNS)));
            // The mappers depend on the layout, not on the migration: read on a thread of their own
            // meanwhile, they take no time of the start-up (docs/design.md, ADR-18).
            FutureTask<SqlSessionFactory> mappers = new FutureTask<>(() -> sessionFactory(dataSource,
                    settings.tablePrefix(), settings.jdbcUrl(), settings.timeouts(), schema));
            Thread reading = new Thread(mappers, "minipass-start-mappers");
            reading.setDaemon(true);
            reading.start();
            if (migrate) {
                try (HikariDataSource migration = new HikariDataSource(migrationConfig(settings))) {
                    requireMigrationPrivileges(migration, settings.tablePrefix());
                    if (found.isEmpty() && schema.layout() == ShopLayout.PLATFORM_ROWS) {
                        NewShopTables.makePlatformRowsTables(migration, settings.tablePrefix());
                    }
                    migrate(migration, settings.tablePrefix());
                }
            }
            ReachabilityCheck reachability = new ReachabilityCheck(JdbcTarget.of(settings.jdbcUrl()),
                    settings.username(), settings.password(), ReachabilityCheck.DEADLINE);
            StoreSessions sessions = new StoreSessions(readMappers(mappers), new StorageOutage());
            return new MyBatisPersistence(dataSource, schema, userStore(sessions, schema), reachability);
        } catch (RuntimeException failure) {
            dataSource.close();
            throw failure;
        }
    }

    /** The layout's store; on ShopXO v2.2.8+ the Kuaishou openids we kept ourselves move to ShopXO's column first. */
    private static ShopUserStore userStore(StoreSessions sessions, ShopSchema schema) {
        if (schema.layout() == ShopLayout.PLATFORM_ROWS) {
            return new PlatformRowsStore(sessions);
        }
        UserColumnsStore store = new UserColumnsStore(sessions, schema.kuaishouOpenidColumn());
        if (schema.kuaishouOpenidColumn()) {
            store.moveOwnKuaishouOpenidsToColumn();
        }
        return store;
    }

    /** @throws UnsupportedShopSchemaException when the database has another layout than the settings name */
    private static void requireLayout(ShopSchema found, DatabaseSettings settings) {
        settings.layout().filter(wanted -> wanted != found.layout()).ifPresent(wanted -> {
            throw new UnsupportedShopSchemaException("the database has the tables of " + found.layout().releases()
                    + ", but the settings say " + wanted.releases());
        });
    }

    /**
     * Migrates the schema and returns, for deployments that migrate before they start the service: the same
     * checks and migration as {@link #open}, then everything is closed again.
     *
     * @throws UnsupportedShopSchemaException for a ShopXO database of another layout, before anything is written
     */
    public static void migrate(DatabaseSettings settings) {
        open(settings).close();
    }

    /**
     * What keeps the database from serving this service, found without writing anything: whether it answers and
     * its ShopXO user table, if it has one, has a layout this service shares; then the migrations not applied yet and,
     * on MySQL/MariaDB, the privileges the account lacks to apply them. An H2 file is opened only if it exists.
     */
    public static DatabaseReadiness check(DatabaseSettings settings) {
        JdbcTarget target = JdbcTarget.of(settings.jdbcUrl());
        HikariConfig config = baseConfig(settings, "minipass-db-check");
        // Flyway's info holds one connection and reads the history on another
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(Math.max(settings.timeouts().poolWait().toMillis(), settings.timeouts().connect().toMillis()));
        if (target.vendor() == JdbcTarget.Vendor.MYSQL) {
            config.addDataSourceProperty("connectTimeout", String.valueOf(settings.timeouts().connect().toMillis()));
            config.addDataSourceProperty("socketTimeout", String.valueOf(settings.timeouts().query().toMillis()));
        } else if (!settings.jdbcUrl().regionMatches(true, 0, "jdbc:h2:mem:", 0, "jdbc:h2:mem:".length())) {
            // H2 would make a new, empty database for a file that does not exist: check writes nothing
            config.addDataSourceProperty("IFEXISTS", "TRUE");
        }
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            ShopSchema.inspect(dataSource, settings.tablePrefix()).ifPresent(found -> requireLayout(found, settings));
            List<String> pending = Arrays.stream(flyway(dataSource, settings.tablePrefix()).info().pending())
                    .map(migration -> migration.getVersion().getVersion()).toList();
            List<String> missing = target.vendor() == JdbcTarget.Vendor.MYSQL ? missingPrivileges(dataSource) : List.of();
            return new DatabaseReadiness(Optional.empty(), pending, missing);
        } catch (UnsupportedShopSchemaException unsupported) {
            return DatabaseReadiness.unusable(unsupported.getMessage());
        } catch (RuntimeException failure) {
            return DatabaseReadiness.unusable(SqlErrors.describe(failure));
        }
    }

    private static List<String> missingPrivileges(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return MigrationPrivileges.missing(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the account's grants: " + e.getMessage(), e);
        }
    }

    /**
     * Before Flyway runs: a MySQL/MariaDB account that may not change the schema fails here, naming what it lacks,
     * when there is anything to migrate (docs/database.md).
     */
    private static void requireMigrationPrivileges(HikariDataSource migration, String prefix) {
        if (JdbcTarget.of(migration.getJdbcUrl()).vendor() != JdbcTarget.Vendor.MYSQL) {
            return;
        }
        try (Connection connection = migration.getConnection()) {
            List<String> missing = MigrationPrivileges.missing(connection);
            if (!missing.isEmpty() && flyway(migration, prefix).info().pending().length > 0) {
                throw new MissingPrivilegesException(MigrationPrivileges.advice(connection.getCatalog(), missing));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the account's grants: " + e.getMessage(), e);
        }
    }

    /**
     * The user store's ports, the writes that replace a token already behind the token cache.
     *
     * @param tokenCacheTtl  how long a token look-up is served from memory: a change made by another program
     *                       (a shop admin bans or deletes the user) shows after at most this long
     * @param replacedTokens how this node's cache tells the other nodes' caches of the tokens it replaced and
     *                       hears of theirs ({@link ReplacedTokens#none()} for a single node)
     */
    public UserStorePorts userStorePorts(Duration tokenCacheTtl, ReplacedTokens replacedTokens) {
        TokenCache tokens = new TokenCache(userStore, tokenCacheTtl, TOKEN_CACHE_SIZE, replacedTokens, tokenCacheCounts);
        return new UserStorePorts(userStore, userStore, tokens, tokens, tokens, userStore, tokens);
    }

    /** Users by id or openid, read from the database (no cache), for an operator's command. */
    public LoadUserPort users() {
        return userStore;
    }

    /** Clears a user's tokens in the database; the caller tells the nodes' token caches ({@code EvictTokensPort}). */
    public RevokeUserTokensPort tokenRevocation() {
        return userStore;
    }

    /** Hits and misses of the token caches {@link #userStorePorts} hands out, for metrics. */
    public TokenCacheCounts tokenCacheCounts() {
        return tokenCacheCounts;
    }

    /** The store without its cache, for this package's tests. */
    ShopUserStore userStore() {
        return userStore;
    }

    /** The layout of the shop's tables: which ShopXO this service answers as. */
    public ShopLayout layout() {
        return layout;
    }

    /**
     * Whether the database answers {@code SELECT 1} now, on a connection of its own, known within
     * {@link ReachabilityCheck#DEADLINE} whatever the database does; for health and readiness probes.
     */
    public boolean isReachable() {
        return reachability.isReachable();
    }

    @Override
    public void close() {
        reachability.close();
        dataSource.close();
    }

    /**
     * The pool that serves requests: a dead database fails a request after the pool wait, a silent one after
     * the query timeout (Connector/J's connect and socket timeouts, set as data-source properties beside the
     * URL's own), and a borrowed connection that was idle proves it is alive within a second.
     */
    private static HikariConfig poolConfig(DatabaseSettings settings) {
        DatabaseTimeouts timeouts = settings.timeouts();
        HikariConfig config = baseConfig(settings, "minipass-db");
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
    private static HikariConfig migrationConfig(DatabaseSettings settings) {
        DatabaseTimeouts timeouts = settings.timeouts();
        HikariConfig config = baseConfig(settings, "minipass-db-migration");
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(Math.max(timeouts.poolWait().toMillis(), timeouts.connect().toMillis()));
        if (JdbcTarget.of(settings.jdbcUrl()).vendor() == JdbcTarget.Vendor.MYSQL) {
            config.addDataSourceProperty("connectTimeout", String.valueOf(timeouts.connect().toMillis()));
        }
        return config;
    }

    private static HikariConfig baseConfig(DatabaseSettings settings, String poolName) {
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

    private static void migrate(HikariDataSource dataSource, String prefix) {
        flyway(dataSource, prefix).migrate();
    }

    private static Flyway flyway(DataSource dataSource, String prefix) {
        return Flyway.configure(MyBatisPersistence.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .table(prefix + "minipass_schema_history")
                .placeholders(Map.of("prefix", prefix))
                .javaMigrations(new H2TextColumnsMigration(prefix))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    private static SqlSessionFactory readMappers(FutureTask<SqlSessionFactory> mappers) {
        try {
            return mappers.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the mappers were read", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("the mappers could not be read", e.getCause());
        }
    }

    /** The mappers on a data source; package-private so that tests can put a failing one under them. */
    static SqlSessionFactory sessionFactory(DataSource dataSource, String prefix, String jdbcUrl, DatabaseTimeouts timeouts,
                                            ShopSchema schema) {
        Configuration configuration = new Configuration(
                new Environment("minipass", new AutocommitRestoringTransactions(), dataSource));
        Properties variables = new Properties();
        variables.setProperty("prefix", prefix);
        // Set before the mappers are added: ${prefix} is replaced as their XML is read.
        configuration.setVariables(variables);
        configuration.setArgNameBasedConstructorAutoMapping(true);
        configuration.setObjectFactory(new AccessibleRowConstructors());
        JdbcTarget.Vendor vendor = JdbcTarget.of(jdbcUrl).vendor();
        configuration.setDatabaseId(vendor == JdbcTarget.Vendor.MYSQL ? MYSQL : "h2");
        // Every read sees the rows as they are now, not as an earlier read in the same session saw them.
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        configuration.setCacheEnabled(false);
        if (vendor == JdbcTarget.Vendor.H2) {
            // In the process, H2 has no socket to time out: a statement waiting on a lock is given up after this.
            // Not on MySQL/MariaDB, where the socket timeout bounds every statement: Connector/J would cancel a
            // timed-out statement over a new connection, which a stalled server leaves waiting another timeout.
            configuration.setDefaultStatementTimeout(timeouts.querySeconds());
        }
        configuration.addMapper(OpenIdClaimMapper.class);
        configuration.addMapper(MobileClaimMapper.class);
        if (schema.layout() == ShopLayout.PLATFORM_ROWS) {
            PlatformRowsStore.addMappers(configuration);
        } else {
            UserColumnsStore.addMappers(configuration, schema.kuaishouOpenidColumn());
        }
        return new SqlSessionFactoryBuilder().build(configuration);
    }
}
