package io.minipass.adapters.persistence;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * <p>
 * A table that V1 made in the same run, on a new database, is made again from V1's own text with the
 * lengths doubled: one statement, where H2 copies the table and rebuilds its indexes for each column it
 * alters (docs/design.md, ADR-25). Any other table, or one with rows, has its columns altered one by one.
 */
final class H2TextColumnsMigration implements JavaMigration {
    /** V1, which made the table; a migration once applied never changes, so its text stays what it made. */
    static final String USER_TABLE_MIGRATION = "db/migration/minipass/V1__create_user_table.sql";
    private static final Pattern TEXT_TYPE = Pattern.compile("\\b((?:VAR)?CHAR)\\((\\d+)\\)");

    private final String prefix;
    private final String userTable;
    private final boolean madeByV1;

    /** @param madeByV1 whether the migration runs on a database that had no user table, which V1 then made */
    H2TextColumnsMigration(String prefix, boolean madeByV1) {
        this.prefix = prefix;
        this.userTable = prefix + "user";
        this.madeByV1 = madeByV1;
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
            if (madeByV1 && hasNoRows(statement)) {
                statement.execute("DROP TABLE " + userTable);
                statement.execute(wideUserTable());
                return;
            }
            for (String alter : widenings(connection)) {
                statement.execute(alter);
            }
        }
    }

    private boolean hasNoRows(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT 1 FROM " + userTable + " LIMIT 1")) {
            return !row.next();
        }
    }

    /** V1's statement, for this prefix, with every text column twice as long. */
    String wideUserTable() {
        Matcher types = TEXT_TYPE.matcher(userTableMigration().replace("${prefix}", prefix));
        StringBuilder wide = new StringBuilder();
        while (types.find()) {
            types.appendReplacement(wide, types.group(1) + "(" + 2 * Integer.parseInt(types.group(2)) + ")");
        }
        return types.appendTail(wide).toString();
    }

    private static String userTableMigration() {
        try (InputStream text = H2TextColumnsMigration.class.getClassLoader().getResourceAsStream(USER_TABLE_MIGRATION)) {
            if (text == null) {
                throw new IllegalStateException(USER_TABLE_MIGRATION + " is missing from the class path");
            }
            return new String(text.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + USER_TABLE_MIGRATION, e);
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
