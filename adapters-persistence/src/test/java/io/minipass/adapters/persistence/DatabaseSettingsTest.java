package io.minipass.adapters.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"sxo_", "", "Shop_2"})
    void a_prefix_of_letters_digits_and_underscores_is_accepted(String prefix) {
        assertThat(new DatabaseSettings("jdbc:h2:mem:x", "", "", prefix, 1).tablePrefix()).isEqualTo(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sxo-", "sxo_;DROP", "a b", "abcdefghijklmnopqrstuvwxy"})
    void a_prefix_that_could_break_the_sql_or_the_name_length_is_refused(String prefix) {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:h2:mem:x", "", "", prefix, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_pool_needs_a_connection_and_the_url_must_be_given() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:h2:mem:x", "", "", "sxo_", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseSettings(" ", "", "", "sxo_", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_password_is_not_shown() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:mysql://db/shop", "shop", "s3cret", "sxo_", 5);

        assertThat(settings.toString()).doesNotContain("s3cret").contains("shop");
    }
}
