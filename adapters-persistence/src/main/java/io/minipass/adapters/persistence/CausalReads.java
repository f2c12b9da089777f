package io.minipass.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/**
 * On a Galera cluster, reads that see every write the cluster committed before them (docs/design.md, ADR-54): a node
 * applies the other nodes' writes a moment after they commit, so a token issued through one node could otherwise be
 * looked up through another before it arrives there, and be refused. Connector/J sets the session variable on every
 * connection it opens, the ones a fail-over opens included.
 */
final class CausalReads {
    static final String VARIABLE = "wsrep_sync_wait";
    private static final String SESSION_VARIABLES = "sessionVariables";
    private static final Logger LOG = LoggerFactory.getLogger(CausalReads.class);

    private CausalReads() {
    }

    /**
     * Adds {@code wsrep_sync_wait=1} to the pool's session variables when the database is a Galera node, unless the
     * URL sets that variable itself; asks on one connection of its own. A database that does not answer is left to
     * the pool to report.
     */
    static void onGalera(HikariConfig pool, JdbcTarget target) {
        String own = target.urlOption(SESSION_VARIABLES);
        if (target.vendor() != JdbcTarget.Vendor.MYSQL || own.toLowerCase(Locale.ROOT).contains(VARIABLE)) {
            return;
        }
        if (isGalera(pool)) {
            pool.addDataSourceProperty(SESSION_VARIABLES, (own.isEmpty() ? "" : own + ",") + VARIABLE + "=1");
            LOG.info("The database is a Galera cluster node: every read waits until the node applied what the cluster"
                    + " committed before it ({}=1)", VARIABLE);
        }
    }

    private static boolean isGalera(HikariConfig pool) {
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        properties.setProperty("user", pool.getUsername());
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        try (Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), properties);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT @@GLOBAL.wsrep_on")) {
            return row.next() && row.getBoolean(1);
        } catch (SQLException notGalera) {
            // MySQL has no wsrep_on; a database away fails the pool's first connection with its own message
            return false;
        }
    }
}
