package io.minipass.domain.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneProofTest {

    @Test
    void absent_parts_are_empty() {
        assertThat(new PhoneProof(null, null, null)).isEqualTo(new PhoneProof("", "", ""));
    }

    @Test
    void keeps_each_part_up_to_its_cap() {
        PhoneProof proof = new PhoneProof("c".repeat(256), "e".repeat(2048), "i".repeat(64));

        assertThat(proof.code()).isEqualTo("c".repeat(256));
        assertThat(proof.encryptedData()).isEqualTo("e".repeat(2048));
        assertThat(proof.iv()).isEqualTo("i".repeat(64));
    }

    @Test
    void refuses_a_part_one_character_longer_than_its_cap() {
        assertThatThrownBy(() -> new PhoneProof("c".repeat(257), "", "")).isInstanceOf(InvalidInputException.class)
                .hasMessage(PhoneProof.TOO_LONG);
        assertThatThrownBy(() -> new PhoneProof("", "e".repeat(2049), "")).hasMessage(PhoneProof.TOO_LONG);
        assertThatThrownBy(() -> new PhoneProof("", "", "i".repeat(65))).hasMessage(PhoneProof.TOO_LONG);
    }
}
