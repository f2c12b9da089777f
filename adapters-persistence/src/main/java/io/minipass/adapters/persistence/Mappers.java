package io.minipass.adapters.persistence;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;

import javax.sql.DataSource;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** The MyBatis mappers of a shop's layout on a data source. */
final class Mappers {
    /** MyBatis's database id on MySQL/MariaDB: statements with {@code databaseId="mysql"} exist there only. */
    static final String MYSQL = "mysql";

    private Mappers() {
    }

    /**
     * Starts reading the mappers on a thread of their own: they depend on the layout, not on the migration, so
     * read meanwhile they take no time of the start-up (docs/design.md, ADR-18).
     */
    static FutureTask<SqlSessionFactory> readMeanwhile(DataSource dataSource, DatabaseSettings settings, ShopSchema schema) {
        FutureTask<SqlSessionFactory> mappers = new FutureTask<>(() -> sessionFactory(dataSource,
                settings.tablePrefix(), settings.jdbcUrl(), settings.timeouts(), schema));
        Thread reading = new Thread(mappers, "minipass-start-mappers");
        reading.setDaemon(true);
        reading.start();
        return mappers;
    }

    static SqlSessionFactory await(FutureTask<SqlSessionFactory> mappers) {
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
        // An instance: MyBatis could not call this package-private class's constructor itself.
        configuration.getLanguageRegistry().register(new PerColumnStatements());
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
