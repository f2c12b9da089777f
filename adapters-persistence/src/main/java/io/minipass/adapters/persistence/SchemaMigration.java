package io.minipass.adapters.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Our own tables brought up to date by Flyway, and the privileges a MySQL/MariaDB account needs for it. */
final class SchemaMigration {
    private static final String MIGRATIONS = "classpath:db/migration/minipass";

    private SchemaMigration() {
    }

    /**
     * Before Flyway runs: a MySQL/MariaDB account that may not change the schema fails here, naming what it lacks,
     * when there is anything to migrate (docs/database.md).
     */
    static void requirePrivileges(HikariDataSource migration, String prefix) {
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

    /** The privileges the account lacks to migrate (MySQL/MariaDB). */
    static List<String> missingPrivileges(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return MigrationPrivileges.missing(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the account's grants: " + e.getMessage(), e);
        }
    }

    /** The versions of the migrations not applied yet, read without writing anything. */
    static List<String> pending(DataSource dataSource, String prefix) {
        return Arrays.stream(flyway(dataSource, prefix).info().pending())
                .map(migration -> migration.getVersion().getVersion()).toList();
    }

    static void migrate(DataSource dataSource, String prefix) {
        flyway(dataSource, prefix).migrate();
    }

    private static Flyway flyway(DataSource dataSource, String prefix) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .table(prefix + "minipass_schema_history")
                .placeholders(Map.of("prefix", prefix))
                .javaMigrations(new H2TextColumnsMigration(prefix))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }
}
