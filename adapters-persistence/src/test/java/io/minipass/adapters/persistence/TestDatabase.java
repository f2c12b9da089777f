package io.minipass.adapters.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** An empty database of its own for one test class, reached by plain JDBC as well as by the adapter. */
interface TestDatabase {

    String url();

    String username();

    String password();

    /** Drops the database and everything in it. */
    void drop();

    default DatabaseSettings settings(String tablePrefix) {
        return TestSettings.settings(url(), username(), password(), tablePrefix, 10);
    }

    /** A plain JDBC connection, in auto-commit, with the same driver and properties the adapter uses. */
    default Connection connect() throws SQLException {
        JdbcTarget target = JdbcTarget.of(url());
        Properties properties = new Properties();
        properties.putAll(target.properties());
        properties.setProperty("user", username());
        properties.setProperty("password", password());
        return DriverManager.getConnection(target.url(), properties);
    }
}
