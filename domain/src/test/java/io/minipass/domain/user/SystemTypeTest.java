package io.minipass.domain.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SystemTypeTest {

    @Test
    void what_a_client_sends_is_read_as_shopxo_reads_it() {
        assertThat(SystemType.fromClient(null)).isEqualTo(SystemType.DEFAULT);
        assertThat(SystemType.fromClient("")).isEqualTo(SystemType.DEFAULT);
        assertThat(SystemType.fromClient("0")).isEqualTo(SystemType.DEFAULT);
        assertThat(SystemType.fromClient("  default \t")).isEqualTo(SystemType.DEFAULT);
        assertThat(SystemType.fromClient(" shop2 ").value()).isEqualTo("shop2");
        assertThat(SystemType.fromClient("Default").value()).as("exact, no case folding").isEqualTo("Default");
    }

    @ParameterizedTest
    @ValueSource(strings = {"two words", "新系统", "a\u0000b", "tab\tinside"})
    void anything_but_printable_ascii_without_whitespace_is_refused(String sent) {
        assertThatThrownBy(() -> SystemType.fromClient(sent)).isInstanceOf(InvalidInputException.class)
                .hasMessage("system_type格式有误");
    }

    @Test
    void at_most_sixty_characters_as_the_column_holds() {
        assertThat(SystemType.fromClient("s".repeat(60)).value()).hasSize(60);
        assertThatThrownBy(() -> SystemType.fromClient("s".repeat(61))).isInstanceOf(InvalidInputException.class);
    }
}
