package io.minipass.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.minipass.application.port.out.UserStorePorts;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The user database: a connection pool, the schema brought up to date, and the MyBatis mappers
 * on it. Open one per process and close it on shutdown.
 */
public final class MyBatisPersistence implements AutoCloseable {
    private static final String MIGRATIONS = "classpath:db/migration/minipass";
    private static final int CONNECTION_TIMEOUT_MILLIS = 10_000;
    private static final int HEALTH_CHECK_TIMEOUT_SECONDS = 5;

    private static final long TOKEN_CACHE_SIZE = 100_000;

    private final HikariDataSource dataSource;
    private final MyBatisUserStore userStore;

    private MyBatisPersistence(HikariDataSource dataSource, SqlSessionFactory sessions, ShopSchema schema) {
        this.dataSource = dataSource;
        this.userStore = new MyBatisUserStore(sessions, new IdSlots(schema));
    }

    /**
     * Connects (failing at once when the database cannot be reached), checks that ShopXO's tables,
     * if there are any, have a layout this service shares ({@link ShopSchema}), migrates the schema
     * and readies the mappers. A database that already has ShopXO's tables, but none of ours, is
     * baselined first: its user table is kept as it is.
     *
     * @throws UnsupportedShopSchemaException for a ShopXO database outside v2.2.0–v2.3.2, before anything is written
     */
    public static MyBatisPersistence open(DatabaseSettings settings) {
        HikariDataSource dataSource = new HikariDataSource(poolConfig(settings));
        try {
            ShopSchema schema = ShopSchema.inspect(dataSource, settings.tablePrefix());
            migrate(dataSource, settings.tablePrefix());
            MyBatisPersistence persistence = new MyBatisPersistence(dataSource,
                    sessionFactory(dataSource, settings.tablePrefix(), schema), schema);
            if (schema.kuaishouOpenidColumn()) {
                persistence.userStore.moveOwnKuaishouOpenidsToColumn();
            }
            return persistence;
        } catch (RuntimeException failure) {
            dataSource.close();
            throw failure;
        }
    }

    /**
     * The user store's ports, the writes that replace a token already behind the token cache.
     *
     * @param tokenCacheTtl how long a token look-up is served from memory: a change made by another program
     *                      (a shop admin bans or deletes the user) shows after at most this long
     */
    public UserStorePorts userStorePorts(Duration tokenCacheTtl) {
        TokenCache tokens = new TokenCache(userStore, tokenCacheTtl, TOKEN_CACHE_SIZE);
        return new UserStorePorts(userStore, userStore, tokens, tokens, tokens, userStore, tokens);
    }

    /** The store without its cache, for this package's tests. */
    MyBatisUserStore userStore() {
        return userStore;
    }

    /** Whether the database answers {@code SELECT 1} now. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(HEALTH_CHECK_TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException unreachable) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static HikariConfig poolConfig(DatabaseSettings settings) {
        JdbcTarget target = JdbcTarget.of(settings.jdbcUrl());
        HikariConfig config = new HikariConfig();
        config.setPoolName("minipass-db");
        config.setDriverClassName(target.driverClassName());
        config.setJdbcUrl(target.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        target.properties().forEach(config::addDataSourceProperty);
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        // Each statement sees what others committed: the claim checks read the latest rows.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return config;
    }

    private static void migrate(HikariDataSource dataSource, String prefix) {
        Flyway.configure(MyBatisPersistence.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .table(prefix + "minipass_schema_history")
                .placeholders(Map.of("prefix", prefix))
                .javaMigrations(new H2TextColumnsMigration(prefix))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    private static SqlSessionFactory sessionFactory(HikariDataSource dataSource, String prefix, ShopSchema schema) {
        Configuration configuration = new Configuration(
                new Environment("minipass", new JdbcTransactionFactory(), dataSource));
        Properties variables = new Properties();
        variables.setProperty("prefix", prefix);
        // ShopXO v2.2.8+'s column where it exists; else nothing, and our identity table holds Kuaishou openids.
        variables.setProperty("kuaishouOpenidColumn", schema.kuaishouOpenidColumn() ? "u." + ShopSchema.KUAISHOU_OPENID : "''");
        // Set before the mappers are added: ${prefix} is replaced as their XML is read.
        configuration.setVariables(variables);
        configuration.setArgNameBasedConstructorAutoMapping(true);
        // Every read sees the rows as they are now, not as an earlier read in the same session saw them.
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        configuration.setCacheEnabled(false);
        configuration.addMapper(UserMapper.class);
        configuration.addMapper(UserIdentityMapper.class);
        configuration.addMapper(OpenIdClaimMapper.class);
        configuration.addMapper(MobileClaimMapper.class);
        configuration.addMapper(IssuedTokenMapper.class);
        return new SqlSessionFactoryBuilder().build(configuration);
    }
}
