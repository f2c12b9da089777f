package io.minipass.bootstrap.config;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnknownSettingsTest {

    @Test
    void a_misspelt_variable_or_key_is_reported_with_the_setting_it_is_closest_to() {
        Properties file = new Properties();
        file.setProperty("minipass.db.pasword", "secret");
        file.setProperty("minipass.port", "8080");
        file.setProperty("db.url", "jdbc:mysql://127.0.0.1/shop");
        ConfigSource source = new ConfigSource(file, Map.of(
                "MINIPASS_DB_ULR", "jdbc:mysql://127.0.0.1/shop",
                "MINIPASS_PROFILE", "production",
                "MINIPASS_SOMETHING_ELSE_ENTIRELY", "x",
                "PATH", "/usr/bin"));

        assertThat(UnknownSettings.in(source)).containsExactly(
                "the variable MINIPASS_DB_ULR is no setting (did you mean MINIPASS_DB_URL?)",
                "the variable MINIPASS_SOMETHING_ELSE_ENTIRELY is no setting",
                "the properties key db.url is no setting",
                "the properties key minipass.db.pasword is no setting (did you mean minipass.db.password?)");
    }

    @Test
    void every_setting_its_file_variant_for_secrets_and_the_config_file_are_known() {
        ConfigSource source = new ConfigSource(new Properties(), Map.of(
                "MINIPASS_CONFIG", "/nowhere",
                "MINIPASS_WEIXIN_SECRET_FILE", "/run/secret",
                "MINIPASS_BUDGET_FAILED_TOKEN_LOOKUP", "1/1/1m",
                "MINIPASS_ALIPAY_PRIVATE_KEY", "k",
                "MINIPASS_ALLOW_EMBEDDED_DATABASE", "true"));
        assertThat(UnknownSettings.in(source)).isEmpty();

        ConfigSource notASecret = new ConfigSource(new Properties(), Map.of("MINIPASS_PORT_FILE", "/run/port"));
        assertThat(UnknownSettings.in(notASecret))
                .containsExactly("the variable MINIPASS_PORT_FILE is no setting (MINIPASS_PORT is no secret: only secrets are read from files)");
    }

    @Test
    void a_setting_read_but_not_listed_is_a_programming_error() {
        SettingParser settings = new SettingParser(new ConfigSource(new Properties(), Map.of()));
        assertThatThrownBy(() -> settings.text("not.listed", ""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KnownSettings");
    }

    @Test
    void edit_distance_counts_insertions_deletions_and_substitutions() {
        assertThat(UnknownSettings.distance("MINIPASS_DB_ULR", "MINIPASS_DB_URL")).isEqualTo(2);
        assertThat(UnknownSettings.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(UnknownSettings.distance("", "abc")).isEqualTo(3);
    }
}
