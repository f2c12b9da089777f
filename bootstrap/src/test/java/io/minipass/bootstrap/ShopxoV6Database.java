package io.minipass.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A shop's database as the system tests of ShopXO v3.0–v6.7's layout see it: on MariaDB a database made for the
 * test class with the two user tables of {@code shopxo-v6-user.sql} (our own DDL, as a shop on ShopXO v6.7.1 has the
 * tables) before the service opens it, dropped afterwards; or any database the service made (H2). Reads and writes
 * rows the way the shop's own PHP or admin would.
 */
final class ShopxoV6Database implements AutoCloseable {
    static final String MARIADB = System.getProperty("minipass.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
    /** The persistence module's fixture, read from its sources as LogConfigurationTest reads deploy/: one copy. */
    private static final Path FIXTURE = Path.of("..", "adapters-persistence", "src", "test", "resources",
            "shopxo-v6-user.sql");

    private final String url;
    private final String user;
    private final String mariaDbName;

    private ShopxoV6Database(String url, String user, String mariaDbName) {
        this.url = url;
        this.user = user;
        this.mariaDbName = mariaDbName;
    }

    /** A new MariaDB database holding ShopXO v6.7's {@code sxo_user} and {@code sxo_user_platform}, no rows. */
    static ShopxoV6Database newMariaDbShop(String namePrefix) throws SQLException {
        String name = namePrefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(MARIADB, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        ShopxoV6Database database = new ShopxoV6Database(MARIADB + name, "root", name);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : fixture().split(";\\s*\\n")) {
                String withoutComments = sql.replaceAll("(?m)^--.*$", "").strip();
                if (!withoutComments.isEmpty()) {
                    statement.execute(withoutComments);
                }
            }
        } catch (SQLException | RuntimeException failure) {
            database.close();
            throw failure;
        }
        return database;
    }

    /** A database the service made (H2 in memory: only while the service holds it open). */
    static ShopxoV6Database existing(String url, String user) {
        return new ShopxoV6Database(url, user, null);
    }

    String url() {
        return url;
    }

    /** The first column of the only row the query finds, as text; empty when it finds none. */
    Optional<String> text(String sql, Object... parameters) throws SQLException {
        List<Map<String, String>> rows = rows(sql, parameters);
        if (rows.size() > 1) {
            throw new IllegalStateException(rows.size() + " rows for " + sql);
        }
        return rows.stream().findFirst().map(row -> row.values().iterator().next());
    }

    long count(String sql, Object... parameters) throws SQLException {
        return Long.parseLong(text(sql, parameters).orElseThrow());
    }

    /** Every row the query finds, each column as text by its label in lower case (NULL as null). */
    List<Map<String, String>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<Map<String, String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        Object value = result.getObject(column);
                        row.put(meta.getColumnLabel(column).toLowerCase(java.util.Locale.ROOT),
                                value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                                        : value == null ? null : value.toString());
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /** The one {@code sxo_user} row of a user. */
    Map<String, String> user(String id) throws SQLException {
        List<Map<String, String>> rows = rows("SELECT * FROM sxo_user WHERE id = ?", id);
        if (rows.size() != 1) {
            throw new AssertionError(rows.size() + " sxo_user rows with id " + id);
        }
        return rows.get(0);
    }

    /** A user's {@code sxo_user_platform} rows, oldest first. */
    List<Map<String, String>> platformRows(String userId) throws SQLException {
        return rows("SELECT * FROM sxo_user_platform WHERE user_id = ? ORDER BY id", userId);
    }

    long userCount() throws SQLException {
        return count("SELECT COUNT(*) FROM sxo_user");
    }

    long platformRowCount() throws SQLException {
        return count("SELECT COUNT(*) FROM sxo_user_platform");
    }

    /**
     * The user ShopXO v6's PHP takes a token for on its other routes (cart, order): its query on the two tables,
     * without the cache it keeps in front of them.
     */
    Optional<String> userShopxoFindsBy(String token, String systemType, String platform) throws SQLException {
        List<Map<String, String>> rows = rows("SELECT u.id FROM sxo_user u JOIN sxo_user_platform up ON u.id = up.user_id"
                + " WHERE up.token = ? AND up.system_type = ? AND up.platform = ?"
                + " AND u.is_delete_time = 0 AND u.is_logout_time = 0", token, systemType, platform);
        // every row of a channel holds its token, so one user may come back once per row; PHP takes the first
        List<String> ids = rows.stream().map(row -> row.get("id")).distinct().toList();
        if (ids.size() > 1) {
            throw new AssertionError("ShopXO finds " + ids.size() + " users for one token: " + ids);
        }
        return ids.stream().findFirst();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    /** What every system test starts the service on this database with (any port, this machine); a test adds its own. */
    Map<String, String> serviceSettings() {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("MINIPASS_PORT", "0");
        env.put("MINIPASS_HOST", "127.0.0.1");
        env.put("MINIPASS_DB_URL", url);
        env.put("MINIPASS_DB_USER", user);
        return env;
    }

    /** Closes each that was opened (null: not opened), in this order, all of them even when one fails. */
    static void closeAll(AutoCloseable... inOrder) throws Exception {
        Exception first = null;
        for (AutoCloseable resource : inOrder) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static String fixture() {
        try {
            return Files.readString(FIXTURE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + FIXTURE.toAbsolutePath(), e);
        }
    }

    /** Drops a MariaDB database this made; a database the service made is the service's to close. */
    @Override
    public void close() throws SQLException {
        if (mariaDbName != null) {
            try (Connection connection = DriverManager.getConnection(MARIADB, "root", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + mariaDbName);
            }
        }
    }
}
