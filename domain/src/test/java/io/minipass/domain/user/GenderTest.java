package io.minipass.domain.user;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import static org.assertj.core.api.Assertions.assertThat;

class GenderTest {

    @ParameterizedTest
    @CsvSource({"1,MALE", "2,FEMALE", "0,SECRET", "3,SECRET", "' 1 ',MALE", "m,SECRET"})
    void platform_codes_swap_into_the_shops(String sent, Gender stored) {
        assertThat(Gender.fromPlatformCode(sent)).isEqualTo(stored);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void no_code_is_unknown(String sent) {
        assertThat(Gender.fromPlatformCode(sent)).isEqualTo(Gender.SECRET);
    }
}
