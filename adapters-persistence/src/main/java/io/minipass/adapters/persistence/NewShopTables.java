package io.minipass.adapters.persistence;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives a database without ShopXO's tables those of ShopXO v3 and later, when the settings choose that layout.
 * ShopXO v2's table comes from migration 1 instead, which made it before this layout was served and must stay
 * as it is for the databases it made.
 */
final class NewShopTables {
    private static final String PLATFORM_ROWS_TABLES = "db/shopxo/platform-rows-tables.sql";

    private NewShopTables() {
    }

    static void makePlatformRowsTables(DataSource dataSource, String prefix) {
        String script = read(PLATFORM_ROWS_TABLES).replace("${prefix}", prefix);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : script.split(";\\s*\\n")) {
                String withoutComments = sql.replaceAll("(?m)^--.*$", "").strip();
                if (!withoutComments.isEmpty()) {
                    statement.execute(withoutComments);
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not make ShopXO v3's user tables: " + SqlErrors.describe(failure), failure);
        }
    }

    private static String read(String resource) {
        try (InputStream in = NewShopTables.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new IllegalStateException("could not read " + resource, failure);
        }
    }
}
