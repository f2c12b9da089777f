package io.minipass.domain.referral;

import io.minipass.domain.user.Texts;
import io.minipass.domain.user.UserId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.IntRange;

import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReferrerProperties {

    @Property
    void a_share_code_names_its_user_in_either_case(@ForAll @LongRange(min = 1, max = UserId.MAX) long id) {
        UserId user = new UserId(id);
        String code = ShareCode.encode(user);

        assertThat(code).matches("[0-9A-F]+");
        assertThat(ShareCode.decode(code)).contains(user);
        assertThat(ShareCode.decode(code.toLowerCase(Locale.ROOT))).contains(user);
        assertThat(ReferrerForms.ID_OR_SHARE_CODE.parse(" " + code + " ")).contains(new ReferrerKey.ById(user));
        assertThat(ReferrerForms.SHOPXO_V6.parse(code)).contains(new ReferrerKey.ById(user));
    }

    @Property
    void an_id_reads_as_itself_with_leading_zeros_and_spaces_and_any_fraction_on_v6(
            @ForAll @LongRange(min = 1, max = UserId.MAX) long id, @ForAll @IntRange(max = 3) int zeros,
            @ForAll("fractions") String fraction) {
        String digits = "0".repeat(zeros) + id;
        ReferrerKey byId = new ReferrerKey.ById(new UserId(id));

        assertThat(ReferrerReference.parse(" " + digits + "\t")).contains(new UserId(id));
        assertThat(ReferrerForms.ID_OR_SHARE_CODE.parse(digits)).contains(byId);
        Optional<ReferrerKey> v6 = ReferrerForms.SHOPXO_V6.parse(digits + fraction);
        if (!(digits + fraction).matches("1[3-9]\\d{9}")) {
            assertThat(v6).contains(byId);
        }
    }

    @Property
    void an_id_beyond_the_column_names_nobody(@ForAll @LongRange(min = UserId.MAX + 1) long id) {
        assertThat(ReferrerReference.parse(Long.toString(id))).isEmpty();
        assertThat(ShareCode.decode(shareCodeOf(Long.toString(id)))).isEmpty();
    }

    @Property
    void any_text_names_at_most_one_user_the_same_each_time_and_never_fails(@ForAll("references") String reference) {
        for (ReferrerForms forms : ReferrerForms.values()) {
            Optional<ReferrerKey> first = forms.parse(reference);

            assertThat(forms.parse(reference)).isEqualTo(first);
            first.ifPresent(key -> {
                if (key instanceof ReferrerKey.ByNumberCode code) {
                    assertThat(code.numberCode()).isEqualTo(reference.strip()).doesNotContainPattern("[A-Za-z]");
                }
            });
        }
        Optional<UserId> id = ReferrerReference.parse(reference);
        id.ifPresent(user -> assertThat(ReferrerForms.ID_OR_SHARE_CODE.parse(reference)).contains(new ReferrerKey.ById(user)));
    }

    @Provide
    Arbitrary<String> fractions() {
        return Arbitraries.of("", ".0", ".7", "-3", "+", " ");
    }

    /** ShopXO's share code of any digits, as {@link ShareCode#encode} writes one for an id. */
    private static String shareCodeOf(String digits) {
        StringBuilder code = new StringBuilder();
        for (byte b : java.util.Base64.getEncoder().encode(digits.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            code.append(String.format("%X%X", b & 0x0f, (b >> 4) & 0x0f));
        }
        return code.toString();
    }

    @Provide
    Arbitrary<String> references() {
        return Arbitraries.oneOf(Texts.any(70),
                Arbitraries.strings().withChars("0123456789ABCDEFabcdef+-.@ ").ofMaxLength(70),
                Arbitraries.longs().between(0, UserId.MAX).map(id -> ShareCode.encode(new UserId(Math.max(1, id))) + "=="),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(15));
    }
}
