package io.minipass.domain.referral;

import io.minipass.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReferrerFormsTest {

    @Test
    void shopxo_v2_reads_ids_and_share_codes_only() {
        assertThat(ReferrerForms.ID_OR_SHARE_CODE.parse("128")).contains(new ReferrerKey.ById(new UserId(128)));
        assertThat(ReferrerForms.ID_OR_SHARE_CODE.parse("D4459443")).contains(new ReferrerKey.ById(new UserId(128)));
        assertThat(ReferrerForms.ID_OR_SHARE_CODE.parse("13800138000")).isEmpty();
        assertThat(ReferrerForms.ID_OR_SHARE_CODE.parse("a@b.cn")).isEmpty();
        assertThat(ReferrerForms.ID_OR_SHARE_CODE.parse("1.7")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"128,128", "' 42 ',42", "1.7,1", "+5,5", "12-3,12", "D4459443,128", "d4459443,128"})
    void shopxo_v6_reads_ids_as_php_reads_them(String reference, long id) {
        assertThat(ReferrerForms.SHOPXO_V6.parse(reference)).contains(new ReferrerKey.ById(new UserId(id)));
    }

    @Test
    void shopxo_v6_reads_mobiles_emails_and_member_codes() {
        assertThat(ReferrerForms.SHOPXO_V6.parse("13800138000")).contains(new ReferrerKey.ByMobile("13800138000"));
        assertThat(ReferrerForms.SHOPXO_V6.parse("shop.owner+x@example.com"))
                .contains(new ReferrerKey.ByEmail("shop.owner+x@example.com"));
        assertThat(ReferrerForms.SHOPXO_V6.parse("88881234567842")).contains(new ReferrerKey.ByNumberCode("88881234567842"));
        assertThat(ReferrerForms.SHOPXO_V6.parse("12800138000")).as("not a mainland mobile: a member code")
                .contains(new ReferrerKey.ByNumberCode("12800138000"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "0", "abc", "1e3", "<script>", "D445944"})
    void shopxo_v6_names_nobody_otherwise(String reference) {
        assertThat(ReferrerForms.SHOPXO_V6.parse(reference)).isEmpty();
    }

    @Test
    void shopxo_v6_reads_a_negative_or_odd_number_as_a_member_code_that_no_user_has() {
        assertThat(ReferrerForms.SHOPXO_V6.parse("-5")).contains(new ReferrerKey.ByNumberCode("-5"));
        assertThat(ReferrerForms.SHOPXO_V6.parse("." )).contains(new ReferrerKey.ByNumberCode("."));
        assertThat(ReferrerForms.SHOPXO_V6.parse("9".repeat(61))).isEmpty();
        assertThat(ReferrerForms.SHOPXO_V6.parse("9".repeat(60))).as("as long as a reference may be")
                .contains(new ReferrerKey.ByNumberCode("9".repeat(60)));
    }

    @ParameterizedTest
    @CsvSource({"10/3,10", "19:5,19", "90,90", "+09/,9"})
    void shopxo_v6_reads_every_ascii_digit_and_stops_at_the_first_other_character(String reference, long id) {
        assertThat(ReferrerForms.SHOPXO_V6.parse(reference)).contains(new ReferrerKey.ById(new UserId(id)));
    }

    @Test
    void shopxo_v6_reads_no_id_from_digits_of_other_scripts() {
        assertThat(ReferrerForms.SHOPXO_V6.parse("١٢٣")).contains(new ReferrerKey.ByNumberCode("١٢٣"));
        assertThat(ReferrerForms.SHOPXO_V6.parse("7١")).contains(new ReferrerKey.ById(new UserId(7)));
    }
}
