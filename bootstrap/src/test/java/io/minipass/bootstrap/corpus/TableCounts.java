package io.minipass.bootstrap.corpus;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The row count of every table of the service's database, read on a connection of the test's own. */
final class TableCounts implements AutoCloseable {
    private final Connection connection;
    private final List<String> tables = new ArrayList<>();

    TableCounts(String url, String user) throws SQLException {
        connection = DriverManager.getConnection(url, user, "");
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rows = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        if (tables.stream().noneMatch(name -> name.equalsIgnoreCase("sxo_user"))) {
            throw new IllegalStateException("no sxo_user among the tables " + tables);
        }
    }

    List<String> tables() {
        return List.copyOf(tables);
    }

    Map<String, Long> now() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
