package io.minipass.adapters.persistence;

import com.zaxxer.hikari.HikariDataSource;

import java.util.List;
import java.util.Optional;

/** {@link MyBatisPersistence#check}: what keeps the database from serving this service, found without writing anything. */
final class DatabaseCheck {
    private DatabaseCheck() {
    }

    static DatabaseReadiness check(DatabaseSettings settings) {
        JdbcTarget target = JdbcTarget.of(settings.jdbcUrl());
        try (HikariDataSource dataSource = new HikariDataSource(ConnectionPools.check(settings))) {
            ShopSchema.inspect(dataSource, settings.tablePrefix()).ifPresent(found -> found.requireLayout(settings));
            List<String> pending = SchemaMigration.pending(dataSource, settings.tablePrefix());
            List<String> missing = target.vendor() == JdbcTarget.Vendor.MYSQL
                    ? SchemaMigration.missingPrivileges(dataSource) : List.of();
            return new DatabaseReadiness(Optional.empty(), pending, missing);
        } catch (UnsupportedShopSchemaException unsupported) {
            return DatabaseReadiness.unusable(unsupported.getMessage());
        } catch (RuntimeException failure) {
            return DatabaseReadiness.unusable(SqlErrors.describe(failure));
        }
    }
}
