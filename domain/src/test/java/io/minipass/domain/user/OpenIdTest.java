package io.minipass.domain.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"oB6US5SNOngn196qzb3lagEBTh6w", "2088000000000001", "_000DemoOpenId00000000", "a",
            "k9DemoOpenidBaidu0000000-_=+/"})
    void accepts_platform_ids(String value) {
        assertThat(new OpenId(value).value()).isEqualTo(value);
    }

    @Test
    void accepts_sixty_characters_but_not_sixty_one() {
        assertThat(new OpenId("x".repeat(60)).value()).hasSize(60);
        assertThatThrownBy(() -> new OpenId("x".repeat(61))).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "abc ", " abc", "a b", "a\tb", "a\u0000b", "a\nb", "微信", "é", "a\u007f"})
    void rejects_anything_else(String value) {
        assertThatThrownBy(() -> new OpenId(value)).isInstanceOf(InvalidInputException.class)
                .hasMessage("openid格式有误");
    }

    @Test
    void ids_print_as_their_text() {
        assertThat(new OpenId("o-1")).hasToString("o-1");
        assertThat(new UnionId("u-1")).hasToString("u-1");
        assertThat(new SystemType("h5")).hasToString("h5");
        assertThat(new UserId(42)).hasToString("42");
    }

    @Test
    void unionid_may_be_absent_but_not_malformed() {
        assertThat(UnionId.optional(null)).isEmpty();
        assertThat(UnionId.optional("")).isEmpty();
        assertThat(UnionId.optional("o1Ang5xo5tiJD-l7Y1kY7-hT6emk")).isPresent();
        assertThatThrownBy(() -> UnionId.optional(" x")).isInstanceOf(InvalidInputException.class).hasMessage("unionid格式有误");
    }
}
