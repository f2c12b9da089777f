package io.minipass.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import io.minipass.application.port.out.RevokeUserTokensPort;
import io.minipass.application.port.out.UserDirectory;
import io.minipass.application.port.out.UserStorePorts;
import org.apache.ibatis.session.SqlSessionFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The user database: a connection pool, the schema brought up to date, and the MyBatis mappers
 * on it. Open one per process and close it on shutdown. With {@link DatabaseSettings} the only public type of this
 * module (docs/design.md, ADR-50): everything else is handed out as the application's ports or as JDK types.
 */
public final class MyBatisPersistence implements AutoCloseable {
    private static final long TOKEN_CACHE_SIZE = 100_000;

    private final HikariDataSource dataSource;
    private final ShopLayout layout;
    private final ShopUserStore userStore;
    private final ReachabilityCheck reachability;
    private final TokenCacheCounts tokenCacheCounts = new TokenCacheCounts();
    private final ConflictRetries conflicts;

    private MyBatisPersistence(HikariDataSource dataSource, ShopSchema schema, ShopUserStore userStore,
                               ReachabilityCheck reachability, ConflictRetries conflicts) {
        this.dataSource = dataSource;
        this.layout = schema.layout();
        this.userStore = userStore;
        this.reachability = reachability;
        this.conflicts = conflicts;
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
     * every timeout of {@link DatabaseSettings}.
     *
     * @param poolMetrics where the pool that serves requests reports its connections, waits and timeouts (HikariCP's
     *                    own metrics, e.g. its Micrometer tracker); null: nowhere
     * @throws IllegalStateException (UnsupportedShopSchemaException) for a ShopXO database of another layout, before
     *                               anything is written
     */
    public static MyBatisPersistence open(DatabaseSettings settings, MetricsTrackerFactory poolMetrics) {
        return open(settings, poolMetrics, true);
    }

    /** {@link #open(DatabaseSettings, MetricsTrackerFactory)} without pool metrics. */
    static MyBatisPersistence open(DatabaseSettings settings) {
        return open(settings, null);
    }

    /**
     * Opens the database of a shop the service already serves, for an operator's command that runs beside the
     * nodes ({@code minipass revoke}): nothing is migrated or made, so a command of another release than the nodes'
     * changes no schema under them.
     *
     * @throws IllegalStateException (UnsupportedShopSchemaException) when the database has no ShopXO user table, or
     *                               one of another layout
     */
    public static MyBatisPersistence openServed(DatabaseSettings settings) {
        return open(settings, null, false);
    }

    private static MyBatisPersistence open(DatabaseSettings settings, MetricsTrackerFactory poolMetrics, boolean migrate) {
        JdbcTarget target = JdbcTarget.of(settings.jdbcUrl());
        HikariConfig pool = ConnectionPools.serving(settings);
        CausalReads.onGalera(pool, target);
        if (poolMetrics != null) {
            pool.setMetricsTrackerFactory(poolMetrics);
        }
        HikariDataSource dataSource = new HikariDataSource(pool);
        try {
            Optional<ShopSchema> found = ShopSchema.inspect(dataSource, settings.tablePrefix());
            found.ifPresent(existing -> existing.requireLayout(settings));
            if (found.isEmpty() && !migrate) {
                throw new UnsupportedShopSchemaException("the database has no ShopXO user table ("
                        + settings.tablePrefix() + "user): nothing to serve yet");
            }
            ShopSchema schema = found.orElseGet(() ->
                    ShopSchema.made(settings.shopLayout().orElse(ShopLayout.USER_COLUMNS)));
            FutureTask<SqlSessionFactory> mappers = Mappers.readMeanwhile(dataSource, settings, schema);
            if (migrate) {
                try (HikariDataSource migration = new HikariDataSource(ConnectionPools.migration(settings))) {
                    SchemaMigration.requirePrivileges(migration, settings.tablePrefix());
                    if (found.isEmpty() && schema.layout() == ShopLayout.PLATFORM_ROWS) {
                        NewShopTables.makePlatformRowsTables(migration, settings.tablePrefix());
                    }
                    SchemaMigration.migrate(migration, settings.tablePrefix());
                }
            }
            ReachabilityCheck reachability = new ReachabilityCheck(target, settings.username(), settings.password(),
                    ReachabilityCheck.DEADLINE);
            ConflictRetries conflicts = ConflictRetries.standard();
            StoreSessions sessions = new StoreSessions(Mappers.await(mappers), new StorageOutage(), conflicts);
            return new MyBatisPersistence(dataSource, schema, userStore(sessions, schema), reachability, conflicts);
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

    /**
     * Migrates the schema and returns, for deployments that migrate before they start the service: the same
     * checks and migration as {@link #open}, then everything is closed again.
     *
     * @throws IllegalStateException (UnsupportedShopSchemaException) for a ShopXO database of another layout, before
     *                               anything is written; (MissingPrivilegesException) when the account may not apply
     *                               the migrations there are
     */
    public static void migrate(DatabaseSettings settings) {
        open(settings).close();
    }

    /**
     * The versions of the migrations not applied yet ({@code 1}, {@code 2}, ...), found without writing anything.
     * An H2 file is opened only if it exists.
     *
     * @throws IllegalStateException saying what keeps the database from serving this service: it does not answer, or
     *                               its ShopXO user table has a layout this service does not share
     */
    public static List<String> pendingMigrations(DatabaseSettings settings) {
        return DatabaseCheck.pendingMigrations(settings);
    }

    /**
     * What the account lacks to migrate (of {@code CREATE}), found without writing anything: empty when it has them,
     * on H2, or when grants through roles leave it unknown.
     *
     * @throws IllegalStateException saying why the database does not answer
     */
    public static List<String> missingPrivileges(DatabaseSettings settings) {
        return DatabaseCheck.missingPrivileges(settings);
    }

    /**
     * The user store's ports, the writes that replace a token already behind the token cache.
     *
     * @param tokenCacheTtl  how long a token look-up is served from memory: a change made by another program
     *                       (a shop admin bans or deletes the user) shows after at most this long
     * @param announce       how this node's cache tells every node's cache, its own included, of a token it
     *                       replaced ({@link ReplacedTokens#announce})
     * @param listen         how this node's cache hears of the tokens any node replaced ({@link ReplacedTokens#listen})
     */
    public UserStorePorts userStorePorts(Duration tokenCacheTtl, Consumer<String> announce,
                                         BiConsumer<Consumer<String>, Runnable> listen) {
        TokenCache tokens = new TokenCache(userStore, tokenCacheTtl, TOKEN_CACHE_SIZE,
                ReplacedTokens.over(announce, listen), tokenCacheCounts);
        return new UserStorePorts(userStore, tokens, tokens);
    }

    /** Users by id or openid, read from the database (no cache), for an operator's command. */
    public UserDirectory users() {
        return userStore;
    }

    /** Clears a user's tokens in the database; the caller tells the nodes' token caches ({@code EvictTokensPort}). */
    public RevokeUserTokensPort tokenRevocation() {
        return userStore;
    }

    /** How many look-ups the token caches of {@link #userStorePorts} served from memory, for metrics. */
    public long tokenCacheHits() {
        return tokenCacheCounts.hits();
    }

    /** How many look-ups the token caches of {@link #userStorePorts} served from the database, for metrics. */
    public long tokenCacheMisses() {
        return tokenCacheCounts.misses();
    }

    /** Units of work the database gave up (a deadlock, a Galera conflict) and that were run again, for metrics. */
    public long conflictsRetried() {
        return conflicts.retried();
    }

    /** Conflicts that ended a request's unit of work with its failure, every attempt spent, for metrics. */
    public long conflictsGivenUp() {
        return conflicts.givenUp();
    }

    /** The store without its cache, for this package's tests. */
    ShopUserStore userStore() {
        return userStore;
    }

    /**
     * The layout of the shop's tables, which ShopXO this service answers as: {@code v2} or {@code v6}, as
     * {@link DatabaseSettings#layout()} names them.
     */
    public String layout() {
        return layout.setting();
    }

    /** The ShopXO releases whose tables the shop's have, for messages. */
    public String layoutReleases() {
        return layout.releases();
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
}
