package io.minipass.adapters.persistence;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Migration 4: on H2 only, every text column of {@code <prefix>user} gets twice its length.
 * <p>
 * Values are cut to their column's length in characters (code points) before they are stored, which
 * is what MySQL's and MariaDB's utf8mb4 columns count. H2 counts UTF-16 units instead, so a character
 * outside the BMP (most emoji) takes two: {@code VARCHAR(60)} holds only 30 emoji, and H2 ignores
 * {@code VARCHAR(60 CHARACTERS)}. Twice the length holds any text of 60 code points. MySQL and MariaDB
 * keep ShopXO's lengths: there this migration does nothing but record itself.
 * <p>
 * A Java migration, so that it can ask which database it runs on; it runs once per database, on new
 * ones right after V1 and on H2 files made by earlier versions at their next start.
 */
final class H2TextColumnsMigration implements JavaMigration {
    private final String userTable;

    H2TextColumnsMigration(String prefix) {
        this.userTable = prefix + "user";
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("4");
    }

    @Override
    public String getDescription() {
        return "user text columns hold 4-byte characters on H2";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String alter : widenings(connection)) {
                statement.execute(alter);
            }
        }
    }

    private List<String> widenings(Connection connection) throws SQLException {
        String sql = "SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = SCHEMA() AND LOWER(TABLE_NAME) = ?";
        List<String> alters = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, userTable.toLowerCase(Locale.ROOT));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(2).toUpperCase(Locale.ROOT);
                    if (type.equals("CHARACTER VARYING") || type.equals("CHARACTER")) {
                        // Names come from the database itself, never from input.
                        alters.add("ALTER TABLE " + userTable + " ALTER COLUMN " + rows.getString(1)
                                + " SET DATA TYPE " + type + "(" + 2 * rows.getLong(3) + ")");
                    }
                }
            }
        }
        return alters;
    }
}
