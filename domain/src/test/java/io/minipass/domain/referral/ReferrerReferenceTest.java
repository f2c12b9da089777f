package io.minipass.domain.referral;

import io.minipass.domain.user.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReferrerReferenceTest {

    @ParameterizedTest
    @CsvSource({"128,128", "7,7", "0007,7", "' 42 ',42", "D4459443,128", "d4459443,128", "4294967295,4294967295"})
    void reads_digits_and_share_codes(String reference, long id) {
        assertThat(ReferrerReference.parse(reference)).contains(new UserId(id));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "0", "000", "-5", "4294967296", "99999999999999999999", "1.5", "abc", "1e3", "<script>"})
    void names_nobody_otherwise(String reference) {
        assertThat(ReferrerReference.parse(reference)).isEmpty();
    }
}
