package io.minipass.adapters.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"sxo_", "", "Shop_2"})
    void a_prefix_of_letters_digits_and_underscores_is_accepted(String prefix) {
        assertThat(TestSettings.settings("jdbc:h2:mem:x", "", "", prefix, 1).tablePrefix()).isEqualTo(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sxo-", "sxo_;DROP", "a b", "abcdefghijklmnopqrstuvwxy"})
    void a_prefix_that_could_break_the_sql_or_the_name_length_is_refused(String prefix) {
        assertThatThrownBy(() -> TestSettings.settings("jdbc:h2:mem:x", "", "", prefix, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_pool_needs_a_connection_and_the_url_must_be_given() {
        assertThatThrownBy(() -> TestSettings.settings("jdbc:h2:mem:x", "", "", "sxo_", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestSettings.settings(" ", "", "", "sxo_", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_password_is_not_shown() {
        DatabaseSettings settings = TestSettings.settings("jdbc:mysql://db/shop", "shop", "s3cret", "sxo_", 5);

        assertThat(settings.toString()).doesNotContain("s3cret").contains("shop");
    }

    @Test
    void the_layout_is_named_as_the_shop_setting_names_it() {
        DatabaseSettings detected = TestSettings.settings("jdbc:h2:mem:x", "", "", "sxo_", 1);

        assertThat(TestSettings.inLayout(detected, ShopLayout.PLATFORM_ROWS).layout()).contains("v6");
        assertThat(TestSettings.inLayout(detected, ShopLayout.PLATFORM_ROWS).toString()).contains("layout=PLATFORM_ROWS");
        assertThat(detected.toString()).contains("layout=detected");
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:h2:mem:x", "", "", "sxo_", 1, Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(2), Optional.of("v3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("database layout v3 is not v2 (ShopXO v2.2.0–v2.3.2) or v6 (ShopXO v3.0–v6.7)");
    }

    @Test
    void a_timeout_out_of_range_is_refused_with_the_settings() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:h2:mem:x", "", "", "sxo_", 1, Duration.ofMillis(100),
                Duration.ofSeconds(5), Duration.ofSeconds(2), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database connect timeout");
        assertThat(TestSettings.settings("jdbc:h2:mem:x", "", "", "sxo_", 1).toString())
                .contains("timeouts=DatabaseTimeouts[connect=PT2S, query=PT5S, poolWait=PT2S]");
    }
}
