package io.minipass.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A private in-memory H2 database in MySQL mode, as the bootstrap's embedded default configures H2. */
final class H2TestDatabase implements TestDatabase {
    private final String url;

    private H2TestDatabase(String url) {
        this.url = url;
    }

    static H2TestDatabase create() {
        String name = "minipass_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new H2TestDatabase("jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String username() {
        return "sa";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public void drop() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop " + url, e);
        }
    }
}
