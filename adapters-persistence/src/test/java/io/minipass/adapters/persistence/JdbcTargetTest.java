package io.minipass.adapters.persistence;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
    void the_statement_options_the_url_sets_are_the_shops_own() {
        JdbcTarget target = JdbcTarget.of("jdbc:mysql://db/shop?useSSL=false&UseServerPrepStmts=false");

        assertThat(target.urlSets("useServerPrepStmts")).isTrue();
        assertThat(target.urlSets("cachePrepStmts")).isFalse();
        assertThat(JdbcTarget.of("jdbc:h2:mem:shop;MODE=MySQL").urlSets("MODE")).isFalse();
    }

    @Test
    void a_mariadb_url_is_rewritten_for_connector_j() {
        JdbcTarget target = JdbcTarget.of("jdbc:mariadb://db/shop");

        assertThat(target.vendor()).isEqualTo(JdbcTarget.Vendor.MYSQL);
        assertThat(target.url()).isEqualTo("jdbc:mysql://db/shop");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:mysql://db:3306/shop?useUnicode=true&characterEncoding=utf8&serverTimezone=Asia/Shanghai&useSSL=false",
            "jdbc:mysql://db/shop?characterEncoding=UTF-8",
            "jdbc:mysql://db/shop?characterEncoding=utf8mb4",
            "jdbc:mysql://db/shop?characterEncoding=UTF8MB4&characterSetResults=utf8",
            "jdbc:mysql://db/shop?characterEncoding=UTF%2D8&serverTimezone=Asia%2FShanghai",
            "jdbc:mysql://db/shop?useUnicode=false&connectionCollation=utf8mb4_general_ci",
            "jdbc:mariadb://db:3306/shop?useUnicode=true&characterEncoding=utf8&useSSL=false"})
    void the_usual_shop_urls_are_accepted_and_made_utf8mb4_whatever_they_say(String url) {
        JdbcTarget target = JdbcTarget.of(url);

        assertThat(target.vendor()).isEqualTo(JdbcTarget.Vendor.MYSQL);
        assertThat(target.properties())
                .containsEntry("characterEncoding", "UTF-8")
                .containsEntry("characterSetResults", "UTF-8");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:mysql://db/shop?CharacterEncoding=latin1                    | characterEncoding=latin1",
            "jdbc:mysql://db/shop?useUnicode=true&characterEncoding=gbk       | characterEncoding=gbk",
            "jdbc:mariadb://db/shop?characterEncoding=GB2312                  | characterEncoding=GB2312",
            "jdbc:mysql://db/shop?characterSetResults=latin1                  | characterSetResults=latin1",
            "jdbc:mysql://db/shop?connectionCollation=utf8_general_ci         | connectionCollation=utf8_general_ci",
            "jdbc:mysql://db/shop?sessionVariables=character_set_client=latin1 | sessionVariables"})
    void an_option_that_would_lose_emoji_is_refused_by_name(String url, String named) {
        assertThatThrownBy(() -> JdbcTarget.of(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(named)
                .hasMessageContaining("emoji");
    }

    @Test
    void an_h2_url_gets_mysql_mode_and_lower_case_names_when_it_lacks_them() {
        assertThat(JdbcTarget.of("jdbc:h2:file:./data/minipass").url())
                .isEqualTo("jdbc:h2:file:./data/minipass;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE");
        String configured = "jdbc:h2:file:./data/minipass;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_ON_EXIT=FALSE";
        assertThat(JdbcTarget.of(configured).url()).isEqualTo(configured);
        assertThat(JdbcTarget.of(configured).driverClassName()).isEqualTo("org.h2.Driver");
    }

    @Test
    void an_in_memory_h2_database_is_kept_while_the_process_runs() {
        assertThat(JdbcTarget.of("jdbc:h2:mem:x;MODE=MySQL;DATABASE_TO_LOWER=TRUE").url()).contains(";DB_CLOSE_DELAY=-1");
        assertThat(JdbcTarget.of("jdbc:h2:mem:x;DB_CLOSE_DELAY=0").url()).doesNotContain("DB_CLOSE_DELAY=-1");
    }

    @Test
    void h2_is_closed_by_the_service_at_the_end_of_a_stop_not_by_its_own_shutdown_hook() {
        assertThat(JdbcTarget.of("jdbc:h2:file:./data/minipass").url()).endsWith(";DB_CLOSE_ON_EXIT=FALSE");
        assertThat(JdbcTarget.of("jdbc:h2:mem:x").url()).endsWith(";DB_CLOSE_ON_EXIT=FALSE");
        assertThat(JdbcTarget.of("jdbc:h2:file:./x;DB_CLOSE_ON_EXIT=TRUE").url()).isEqualTo("jdbc:h2:file:./x;DB_CLOSE_ON_EXIT=TRUE;MODE=MySQL;DATABASE_TO_LOWER=TRUE");
    }

    @Test
    void another_database_is_refused_without_echoing_the_url() {
        assertThatThrownBy(() -> JdbcTarget.of("jdbc:postgresql://db/shop?password=secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:mysql://g1,g2,g3/shop",
            "jdbc:mysql://g1:3306,g2:3307/shop?useSSL=false",
            "jdbc:mariadb://g1,g2/shop",
            "jdbc:mysql://[g1:3306,g2:3306]/shop",
            "jdbc:mysql://address=(host=g1)(port=3306),address=(host=g2)(port=3306)/shop",
            "jdbc:mysql://(host=g1,port=3306),(host=g2,port=3306)/shop"})
    void a_url_naming_several_hosts_fails_over_to_a_writable_connection(String url) {
        assertThat(JdbcTarget.of(url).properties()).containsEntry("failOverReadOnly", "false")
                .containsEntry("characterEncoding", "UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:mysql://g1,g2/shop?failOverReadOnly=true",
            "jdbc:mysql://g1,g2/shop?FAILOVERREADONLY=true",
            "jdbc:mysql://db/shop",
            "jdbc:mysql://db:3306/shop?useSSL=false",
            "jdbc:mysql:loadbalance://g1,g2/shop",
            "jdbc:mysql:replication://primary,replica/shop"})
    void a_single_host_another_multi_host_form_or_the_urls_own_choice_gets_no_failover_option(String url) {
        assertThat(JdbcTarget.of(url).properties()).doesNotContainKey("failOverReadOnly");
    }

    @Test
    void an_option_the_url_gives_is_read_decoded_and_without_regard_to_case() {
        JdbcTarget target = JdbcTarget.of("jdbc:mysql://g1,g2/shop?SessionVariables=sql_mode%3D%27ANSI%27&useSSL=false");

        assertThat(target.urlOption("sessionVariables")).isEqualTo("sql_mode='ANSI'");
        assertThat(target.urlOption("connectTimeout")).isEmpty();
        assertThat(JdbcTarget.of("jdbc:h2:mem:shop;MODE=MySQL").urlOption("MODE")).isEmpty();
    }

    @Test
    void an_h2_file_other_processes_open_too_keeps_h2s_own_close_at_exit_which_it_requires() throws Exception {
        Path folder = Files.createTempDirectory("minipass-h2-auto-server");
        String url = "jdbc:h2:file:" + folder.resolve("shop") + ";AUTO_SERVER=TRUE";

        assertThat(JdbcTarget.of(url).url()).doesNotContain("DB_CLOSE_ON_EXIT");
        MyBatisPersistence.open(TestSettings.settings(url, "sa", "", "sxo_", 2)).close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
