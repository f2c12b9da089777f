package io.minipass.domain.user;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class GenderTest {

    @ParameterizedTest
    @CsvSource({"1,MALE", "2,FEMALE", "0,SECRET", "3,SECRET", "' 1 ',MALE", "m,SECRET"})
    void platform_codes_swap_into_the_shops(String sent, Gender stored) {
        assertThat(Gender.fromPlatformCode(sent)).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource({"0,SECRET,保密", "1,FEMALE,女", "2,MALE,男"})
    void the_shop_stores_and_shows_its_own_codes(long code, Gender gender, String text) {
        assertThat(Gender.fromCode(code)).isEqualTo(gender);
        assertThat(gender.code()).isEqualTo(code);
        assertThat(gender.text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 3, 99})
    void a_code_the_shop_never_writes_is_unknown(long code) {
        assertThat(Gender.fromCode(code)).isEqualTo(Gender.SECRET);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void no_code_is_unknown(String sent) {
        assertThat(Gender.fromPlatformCode(sent)).isEqualTo(Gender.SECRET);
    }
}
