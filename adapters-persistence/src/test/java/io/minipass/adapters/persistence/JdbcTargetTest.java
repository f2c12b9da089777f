package io.minipass.adapters.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcTargetTest {

    @Test
    void a_mysql_url_goes_to_connector_j_talking_utf8mb4() {
        JdbcTarget target = JdbcTarget.of("jdbc:mysql://db:3306/shop?useSSL=false");

        assertThat(target.driverClassName()).isEqualTo("com.mysql.cj.jdbc.Driver");
        assertThat(target.url()).isEqualTo("jdbc:mysql://db:3306/shop?useSSL=false");
        assertThat(target.properties()).containsEntry("characterEncoding", "UTF-8");
    }

    @Test
    void a_mariadb_url_is_rewritten_for_connector_j() {
        JdbcTarget target = JdbcTarget.of("jdbc:mariadb://db/shop");

        assertThat(target.vendor()).isEqualTo(JdbcTarget.Vendor.MYSQL);
        assertThat(target.url()).isEqualTo("jdbc:mysql://db/shop");
    }

    @Test
    void a_utf8_encoding_already_in_the_url_is_kept_and_another_is_refused() {
        assertThat(JdbcTarget.of("jdbc:mysql://db/shop?characterEncoding=utf8mb4").properties()).isEmpty();
        assertThatThrownBy(() -> JdbcTarget.of("jdbc:mysql://db/shop?CharacterEncoding=latin1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latin1");
    }

    @Test
    void an_h2_url_gets_mysql_mode_and_lower_case_names_when_it_lacks_them() {
        assertThat(JdbcTarget.of("jdbc:h2:file:./data/minipass").url())
                .isEqualTo("jdbc:h2:file:./data/minipass;MODE=MySQL;DATABASE_TO_LOWER=TRUE");
        String configured = "jdbc:h2:file:./data/minipass;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        assertThat(JdbcTarget.of(configured).url()).isEqualTo(configured);
        assertThat(JdbcTarget.of(configured).driverClassName()).isEqualTo("org.h2.Driver");
    }

    @Test
    void an_in_memory_h2_database_is_kept_while_the_process_runs() {
        assertThat(JdbcTarget.of("jdbc:h2:mem:x;MODE=MySQL;DATABASE_TO_LOWER=TRUE").url()).endsWith(";DB_CLOSE_DELAY=-1");
        assertThat(JdbcTarget.of("jdbc:h2:mem:x;DB_CLOSE_DELAY=0").url()).doesNotContain("DB_CLOSE_DELAY=-1");
    }

    @Test
    void another_database_is_refused_without_echoing_the_url() {
        assertThatThrownBy(() -> JdbcTarget.of("jdbc:postgresql://db/shop?password=secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("secret");
    }
}
