package io.minipass.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where reads are left as they are: a MariaDB that is no Galera node (the local one), a URL that sets
 * {@code wsrep_sync_wait} itself, H2. The Galera case is {@code GaleraClusterSystemTest}'s, on a cluster of its own.
 */
class CausalReadsTest {
    private static final String MARIADB = System.getProperty("minipass.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/");

    @Test
    void a_mariadb_that_is_no_galera_node_keeps_its_session_variables() {
        HikariConfig pool = pool(MARIADB + "?sessionVariables=sql_mode='STRICT_TRANS_TABLES'");

        CausalReads.onGalera(pool, JdbcTarget.of(pool.getJdbcUrl()));

        assertThat(pool.getDataSourceProperties()).doesNotContainKey("sessionVariables");
    }

    @Test
    void a_url_that_sets_the_variable_itself_is_not_even_asked_and_one_that_does_not_is() throws IOException {
        try (ServerSocket database = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            database.setSoTimeout(300);
            String url = "jdbc:mysql://127.0.0.1:" + database.getLocalPort() + "/shop?connectTimeout=500&socketTimeout=500";
            HikariConfig ownChoice = pool(url + "&sessionVariables=wsrep_sync_wait=0");

            CausalReads.onGalera(ownChoice, JdbcTarget.of(ownChoice.getJdbcUrl()));

            assertThat(ownChoice.getDataSourceProperties()).doesNotContainKey("sessionVariables");
            assertThat(acceptsOne(database)).as("a connection for the URL that chose").isFalse();

            HikariConfig noChoice = pool(url);
            CausalReads.onGalera(noChoice, JdbcTarget.of(noChoice.getJdbcUrl()));

            assertThat(acceptsOne(database)).as("a connection for the URL that did not choose").isTrue();
            assertThat(noChoice.getDataSourceProperties()).as("a database that never answered").doesNotContainKey("sessionVariables");
        }
    }

    private static boolean acceptsOne(ServerSocket database) throws IOException {
        try (Socket ignored = database.accept()) {
            return true;
        } catch (SocketTimeoutException none) {
            return false;
        }
    }

    @Test
    void h2_is_left_alone() {
        HikariConfig pool = pool("jdbc:h2:mem:causal");

        CausalReads.onGalera(pool, JdbcTarget.of(pool.getJdbcUrl()));

        assertThat(pool.getDataSourceProperties()).isEmpty();
    }

    private static HikariConfig pool(String url) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername("root");
        pool.setPassword("");
        return pool;
    }
}
