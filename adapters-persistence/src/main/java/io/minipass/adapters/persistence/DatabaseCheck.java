package io.minipass.adapters.persistence;

import com.zaxxer.hikari.HikariDataSource;

import java.util.List;
import java.util.function.Function;

/**
 * {@link MyBatisPersistence#pendingMigrations} and {@link MyBatisPersistence#missingPrivileges}: what keeps the
 * database from serving this service, found without writing anything, each on one connection of its own.
 */
final class DatabaseCheck {
    private DatabaseCheck() {
    }

    static List<String> pendingMigrations(DatabaseSettings settings) {
        JdbcTarget.of(settings.jdbcUrl()); // a URL of no supported database throws as it is, not as one out of reach
        return inspect(settings, dataSource -> {
            ShopSchema.inspect(dataSource, settings.tablePrefix()).ifPresent(found -> found.requireLayout(settings));
            return SchemaMigration.pending(dataSource, settings.tablePrefix());
        });
    }

    static List<String> missingPrivileges(DatabaseSettings settings) {
        if (JdbcTarget.of(settings.jdbcUrl()).vendor() != JdbcTarget.Vendor.MYSQL) {
            return List.of();
        }
        return inspect(settings, SchemaMigration::missingPrivileges);
    }

    /** @throws IllegalStateException saying why the database cannot be used: out of reach, or a layout not shared */
    private static List<String> inspect(DatabaseSettings settings, Function<HikariDataSource, List<String>> look) {
        try (HikariDataSource dataSource = new HikariDataSource(ConnectionPools.check(settings))) {
            return look.apply(dataSource);
        } catch (UnsupportedShopSchemaException unsupported) {
            throw unsupported;
        } catch (RuntimeException failure) {
            throw new IllegalStateException(SqlErrors.describe(failure), failure);
        }
    }
}
