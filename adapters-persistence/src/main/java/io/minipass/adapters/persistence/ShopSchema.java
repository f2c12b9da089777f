package io.minipass.adapters.persistence;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which ShopXO layout the shop's database has, read once at start, before the migrations run.
 * <ul>
 *   <li>No {@code <prefix>user} yet: the migrations create v2.2.0's table.</li>
 *   <li>v2.2.0 to v2.2.6: every id this service reads is a column of {@code <prefix>user}, but Kuaishou
 *       openids, which live in our own identity table.</li>
 *   <li>v2.2.7 adds {@code system_type}: never written, so it keeps its default.</li>
 *   <li>v2.2.8 to v2.3.2 add {@code kuaishou_openid} (ShopXO's own Kuaishou login and payment read it):
 *       Kuaishou openids are read and written there.</li>
 *   <li>v2.3.3 moved openids and tokens to {@code <prefix>user_platform}: refused, as is any user table
 *       lacking a column this service reads.</li>
 * </ul>
 *
 * @param kuaishouOpenidColumn whether {@code <prefix>user} has ShopXO's {@code kuaishou_openid} column
 */
record ShopSchema(boolean kuaishouOpenidColumn) {
    static final String SUPPORTED = "ShopXO v2.2.0–v2.3.2";
    static final String KUAISHOU_OPENID = "kuaishou_openid";

    /** The {@code <prefix>user} columns this service reads or writes (UserMapper.xml). */
    static final List<String> USER_COLUMNS = List.of("id", "alipay_openid", "weixin_openid", "weixin_unionid",
            "weixin_web_openid", "baidu_openid", "toutiao_openid", "qq_openid", "qq_unionid", "status", "token",
            "username", "nickname", "mobile", "email", "gender", "avatar", "province", "city", "birthday", "address",
            "integral", "locking_integral", "referrer", "is_delete_time", "add_time", "upd_time");

    /**
     * Reads the layout, refusing one this service cannot share.
     *
     * @throws UnsupportedShopSchemaException naming what was found and the supported ShopXO versions
     */
    static ShopSchema inspect(DataSource dataSource, String prefix) {
        try (Connection connection = dataSource.getConnection()) {
            String userTable = prefix + "user";
            String platformTable = prefix + "user_platform";
            if (!columnsOf(connection, platformTable).isEmpty()) {
                throw new UnsupportedShopSchemaException("the database has " + platformTable
                        + ", where ShopXO v2.3.3 and later keep openids and tokens; this service shares " + SUPPORTED
                        + ", where they are columns of " + userTable);
            }
            Set<String> columns = columnsOf(connection, userTable);
            if (columns.isEmpty()) {
                return new ShopSchema(false);
            }
            List<String> missing = new ArrayList<>();
            for (String column : USER_COLUMNS) {
                if (!columns.contains(column)) {
                    missing.add(column);
                }
            }
            if (!missing.isEmpty()) {
                throw new UnsupportedShopSchemaException(userTable + " lacks " + String.join(", ", missing)
                        + ": this service shares the user table of " + SUPPORTED + " only");
            }
            return new ShopSchema(columns.contains(KUAISHOU_OPENID));
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the database's tables", failure);
        }
    }

    /** The table's column names in lower case, empty when there is no such table. */
    private static Set<String> columnsOf(Connection connection, String table) throws SQLException {
        // SCHEMA() is the current database on MySQL/MariaDB and the current schema on H2.
        String sql = "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = SCHEMA() AND LOWER(TABLE_NAME) = ?";
        Set<String> columns = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table.toLowerCase(Locale.ROOT));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }
}
