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
import java.util.Optional;
import java.util.Set;

/**
 * Which ShopXO layout the shop's database has, read once at start, before the migrations run.
 * <ul>
 *   <li>No {@code <prefix>user} yet: a new database, made in the layout the settings choose.</li>
 *   <li>{@code <prefix>user} with the openid and token columns: {@link ShopLayout#USER_COLUMNS}. v2.2.0 to v2.2.6
 *       have every id this service reads as a column but Kuaishou openids (our own identity table holds them);
 *       v2.2.7 adds {@code system_type}, never written; v2.2.8 to v2.3.2 add {@code kuaishou_openid}, which
 *       ShopXO's own Kuaishou login and payment read, so this service reads and writes them there.</li>
 *   <li>{@code <prefix>user_platform} beside a {@code <prefix>user} without those columns:
 *       {@link ShopLayout#PLATFORM_ROWS}, ShopXO v3.0 to v6.7 (and v2.3.3 to v2.3.x, whose tables are the same
 *       but whose PHP reads tokens from its cache only; docs/database.md#supported-shopxo-versions says why they
 *       cannot be served).</li>
 *   <li>Anything else (a table lacking a column this service reads, both layouts at once) is refused.</li>
 * </ul>
 *
 * @param layout               where ids and tokens are
 * @param kuaishouOpenidColumn whether {@code <prefix>user} has ShopXO's {@code kuaishou_openid} ({@link ShopLayout#USER_COLUMNS})
 */
record ShopSchema(ShopLayout layout, boolean kuaishouOpenidColumn) {
    static final String SUPPORTED = ShopLayout.USER_COLUMNS.releases() + " and " + ShopLayout.PLATFORM_ROWS.releases();
    private static final String KUAISHOU_OPENID = "kuaishou_openid";

    /** The {@code <prefix>user} columns this service reads or writes on ShopXO v2 (UserMapper.xml). */
    static final List<String> USER_COLUMNS = List.of("id", "alipay_openid", "weixin_openid", "weixin_unionid",
            "weixin_web_openid", "baidu_openid", "toutiao_openid", "qq_openid", "qq_unionid", "status", "token",
            "username", "nickname", "mobile", "email", "gender", "avatar", "province", "city", "birthday", "address",
            "integral", "locking_integral", "referrer", "is_delete_time", "add_time", "upd_time");

    /** The {@code <prefix>user} columns this service reads or writes on ShopXO v3 and later (PlatformUserMapper.xml). */
    static final List<String> PLATFORM_ROWS_USER_COLUMNS = List.of("id", "number_code", "status", "pwd", "username",
            "nickname", "mobile", "email", "gender", "avatar", "province", "city", "county", "birthday", "address",
            "integral", "locking_integral", "referrer", "is_delete_time", "is_logout_time", "add_time", "upd_time");

    /** The {@code <prefix>user_platform} columns this service reads or writes. */
    static final List<String> PLATFORM_COLUMNS = List.of("id", "user_id", "system_type", "platform", "token",
            "alipay_openid", "weixin_openid", "weixin_unionid", "weixin_web_openid", "baidu_openid", "toutiao_openid",
            "toutiao_unionid", "qq_openid", "qq_unionid", "kuaishou_openid", "add_time", "upd_time");

    /** A database this service just gave the layout's tables. */
    static ShopSchema made(ShopLayout layout) {
        return new ShopSchema(layout, false);
    }

    /** @throws UnsupportedShopSchemaException when the database has another layout than the settings name */
    void requireLayout(DatabaseSettings settings) {
        settings.shopLayout().filter(wanted -> wanted != layout).ifPresent(wanted -> {
            throw new UnsupportedShopSchemaException("the database has the tables of " + layout.releases()
                    + ", but the settings say " + wanted.releases());
        });
    }

    /**
     * Reads the layout, refusing one this service cannot share.
     *
     * @return empty when the database has no ShopXO user table yet
     * @throws UnsupportedShopSchemaException naming what was found and the supported ShopXO versions
     */
    static Optional<ShopSchema> inspect(DataSource dataSource, String prefix) {
        try (Connection connection = dataSource.getConnection()) {
            String userTable = prefix + "user";
            String platformTable = prefix + "user_platform";
            Set<String> userColumns = columnsOf(connection, userTable);
            Set<String> platformColumns = columnsOf(connection, platformTable);
            if (userColumns.isEmpty()) {
                if (!platformColumns.isEmpty()) {
                    throw new UnsupportedShopSchemaException("the database has " + platformTable + " but no " + userTable
                            + ": this service shares the user tables of " + SUPPORTED + " only");
                }
                return Optional.empty();
            }
            if (platformColumns.isEmpty()) {
                requireColumns(userTable, userColumns, USER_COLUMNS, ShopLayout.USER_COLUMNS);
                return Optional.of(new ShopSchema(ShopLayout.USER_COLUMNS, userColumns.contains(KUAISHOU_OPENID)));
            }
            if (userColumns.contains("weixin_openid") || userColumns.contains("token")) {
                throw new UnsupportedShopSchemaException(userTable + " has openid and token columns beside "
                        + platformTable + ": both ShopXO layouts at once; this service shares " + SUPPORTED
                        + ", each on its own");
            }
            requireColumns(userTable, userColumns, PLATFORM_ROWS_USER_COLUMNS, ShopLayout.PLATFORM_ROWS);
            requireColumns(platformTable, platformColumns, PLATFORM_COLUMNS, ShopLayout.PLATFORM_ROWS);
            return Optional.of(new ShopSchema(ShopLayout.PLATFORM_ROWS, false));
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the database's tables", failure);
        }
    }

    private static void requireColumns(String table, Set<String> found, List<String> wanted, ShopLayout layout) {
        List<String> missing = new ArrayList<>();
        for (String column : wanted) {
            if (!found.contains(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new UnsupportedShopSchemaException(table + " lacks " + String.join(", ", missing)
                    + ": this service shares the tables of " + layout.releases() + " there (it serves " + SUPPORTED + ")");
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
