package io.minipass.adapters.persistence;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Migration 4 on H2: a new table made again wide, and a table with rows widened column by column, end alike. */
class H2TextColumnsMigrationTest {
    private static final String PREFIX = "sxo_";

    @TempDir
    Path directory;

    @Test
    void a_new_table_made_again_from_v1_is_the_table_its_columns_widened_one_by_one_would_be() throws SQLException {
        JdbcDataSource made = database("new");
        MyBatisPersistence.migrations(made, PREFIX, true).load().migrate();

        JdbcDataSource altered = database("with-a-user");
        // What an earlier version left: migrations 1 to 3 and a user; the next start finds the table.
        MyBatisPersistence.migrations(altered, PREFIX, true).target("3").load().migrate();
        execute(altered, "INSERT INTO sxo_user (nickname, add_time) VALUES ('kept', 7)");
        MyBatisPersistence.migrations(altered, PREFIX, false).load().migrate();

        List<String> table = layout(made);
        assertThat(table).isEqualTo(layout(altered));
        assertThat(table).contains("column nickname 15 character varying 120 NO ''",
                "column salt 11 character 64 NO ''", "column avatar 19 character varying 510 NO ''",
                "column id 1 integer null NO null identity YES", "index sxo_user_weixin_openid weixin_openid 1");
        assertThat(rows(altered, "SELECT nickname || '/' || add_time FROM sxo_user")).containsExactly("kept/7");
    }

    @Test
    void an_empty_user_table_that_was_there_before_the_migration_keeps_every_column() throws Exception {
        JdbcDataSource database = database("shop");
        String v1;
        try (InputStream text = getClass().getClassLoader().getResourceAsStream(H2TextColumnsMigration.USER_TABLE_MIGRATION)) {
            v1 = new String(text.readAllBytes(), StandardCharsets.UTF_8);
        }
        execute(database, v1.replace("${prefix}", PREFIX));
        execute(database, "ALTER TABLE sxo_user ADD COLUMN shop_note VARCHAR(10) NOT NULL DEFAULT ''");

        MyBatisPersistence.open(new DatabaseSettings(database.getURL(), "sa", "", PREFIX, 2)).close();

        assertThat(layout(database)).contains("column shop_note 30 character varying 20 NO ''",
                "column nickname 15 character varying 120 NO ''");
    }

    @Test
    void the_wide_statement_doubles_every_text_length_of_v1_and_changes_nothing_else() {
        String wide = new H2TextColumnsMigration("shop_", true).wideUserTable();

        assertThat(wide).contains("CREATE TABLE IF NOT EXISTS shop_user (", "weixin_openid     VARCHAR(120) ",
                "mobile            VARCHAR(22) ", "salt              CHAR(64) ", "address           VARCHAR(300) ",
                "status            TINYINT UNSIGNED NOT NULL", "KEY shop_user_token (token)")
                .doesNotContain("${prefix}", "VARCHAR(60)", "CHAR(32)");
    }

    private JdbcDataSource database(String name) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + directory.resolve(name).toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        source.setUser("sa");
        return source;
    }

    /** Every column of the user table with its type, length, nullability, default and identity, and every index's columns. */
    private static List<String> layout(JdbcDataSource database) throws SQLException {
        List<String> layout = new ArrayList<>(rows(database, "SELECT 'column ' || COLUMN_NAME || ' ' || ORDINAL_POSITION"
                + " || ' ' || DATA_TYPE || ' ' || COALESCE(CAST(CHARACTER_MAXIMUM_LENGTH AS VARCHAR), 'null')"
                + " || ' ' || IS_NULLABLE || ' ' || COALESCE(COLUMN_DEFAULT, 'null')"
                + " || CASE WHEN IS_IDENTITY = 'YES' THEN ' identity YES' ELSE '' END"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = 'sxo_user'"
                + " ORDER BY ORDINAL_POSITION"));
        layout.addAll(rows(database, "SELECT 'index ' || INDEX_NAME || ' ' || COLUMN_NAME || ' ' || ORDINAL_POSITION"
                + " FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = 'sxo_user'"
                + " AND INDEX_NAME NOT LIKE 'PRIMARY_KEY_%' ORDER BY INDEX_NAME, ORDINAL_POSITION"));
        return layout;
    }

    private static List<String> rows(JdbcDataSource database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private static void execute(JdbcDataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
