package io.minipass.domain.referral;

import io.minipass.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ShareCodeTest {

    @Test
    void encodes_id_128_as_shopxo_does() {
        assertThat(ShareCode.encode(new UserId(128))).isEqualTo("D4459443");
    }

    @Test
    void decodes_in_either_case() {
        assertThat(ShareCode.decode("D4459443")).contains(new UserId(128));
        assertThat(ShareCode.decode("d4459443")).contains(new UserId(128));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 9, 10, 99, 104, 128, 1000, 65_535, 123_456_789, UserId.MAX})
    void round_trips(long id) {
        assertThat(ShareCode.decode(ShareCode.encode(new UserId(id)))).contains(new UserId(id));
    }

    @Test
    void reads_a_zero_nibble() {
        // base64("104") = "MTA0": its last byte, '0' (0x30), is written "03"
        assertThat(ShareCode.decode("D4451403")).contains(new UserId(104));
    }

    @Test
    void reads_codes_of_up_to_64_characters() {
        // base64 of 23 zeros and a 7 is 32 characters, 64 in hex; of 25 zeros and a 7, 72
        String longest = "D4441477".repeat(7) + "D4441433";
        String tooLong = "D4441477".repeat(8) + "D44436D3";

        assertThat(ShareCode.decode(longest)).contains(new UserId(7));
        assertThat(ShareCode.decode(tooLong)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "D", "D445944", "ZZ459443", "D4459443D4", "!!!!", "D3D3D3D3"})
    void rejects_what_is_not_a_share_code(String code) {
        assertThat(ShareCode.decode(code)).isEmpty();
    }

    @Test
    void rejects_a_code_for_id_zero_or_text() {
        // base64("0") = "MA==", base64("ab") = "YWI="
        assertThat(ShareCode.decode("D414D3D3")).isEmpty();
        assertThat(ShareCode.decode("95751794D3")).isEmpty();
    }
}
