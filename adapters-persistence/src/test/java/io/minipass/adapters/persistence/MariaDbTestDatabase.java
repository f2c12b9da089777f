package io.minipass.adapters.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own on the MariaDB (or MySQL) test server, created latin1 so that only the
 * migrations' own {@code utf8mb4} can make emoji fit. The server is at
 * {@code -Dminipass.test.mysql.url} (default {@value #DEFAULT_URL}), user root, empty password
 * unless {@code -Dminipass.test.mysql.user} / {@code -Dminipass.test.mysql.password} say otherwise.
 */
final class MariaDbTestDatabase implements TestDatabase {
    static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/";
    private static final String SERVER_URL = System.getProperty("minipass.test.mysql.url", DEFAULT_URL);
    private static final String USER = System.getProperty("minipass.test.mysql.user", "root");
    private static final String PASSWORD = System.getProperty("minipass.test.mysql.password", "");

    private final String name;

    private MariaDbTestDatabase(String name) {
        this.name = name;
    }

    static MariaDbTestDatabase create() {
        String name = "minipass_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection server = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
             Statement statement = server.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET latin1");
        } catch (SQLException unreachable) {
            throw new IllegalStateException("The MariaDB/MySQL test server is not reachable at " + SERVER_URL
                    + " as " + USER + ": start one there (or point -Dminipass.test.mysql.url at one). Cause: "
                    + unreachable.getMessage(), unreachable);
        }
        return new MariaDbTestDatabase(name);
    }

    String name() {
        return name;
    }

    /** The server URL with this database in its path, keeping any {@code ?properties}. */
    @Override
    public String url() {
        int query = SERVER_URL.indexOf('?');
        String base = query < 0 ? SERVER_URL : SERVER_URL.substring(0, query);
        String properties = query < 0 ? "" : SERVER_URL.substring(query);
        return (base.endsWith("/") ? base : base + "/") + name + properties;
    }

    @Override
    public String username() {
        return USER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public void drop() {
        try (Connection server = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
             Statement statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }
}
