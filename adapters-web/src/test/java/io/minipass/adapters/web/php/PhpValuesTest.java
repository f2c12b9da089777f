package io.minipass.adapters.web.php;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PhpValuesTest {

    @Test
    void emptyIsPhpsEmpty() {
        for (Object empty : new Object[] {null, "", "0", 0, 0L, new BigDecimal("0.00"), false, List.of(), Map.of()}) {
            assertThat(PhpValues.isEmpty(empty)).as("%s", empty).isTrue();
        }
        for (Object full : new Object[] {" ", "00", "0.0", "a", 1, new BigDecimal("0.1"), true, List.of(""), Map.of("a", "")}) {
            assertThat(PhpValues.isEmpty(full)).as("%s", full).isFalse();
        }
    }

    @Test
    void textCastsScalarsOnly() {
        assertThat(PhpValues.text("x")).isEqualTo("x");
        assertThat(PhpValues.text(128)).isEqualTo("128");
        assertThat(PhpValues.text(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(PhpValues.text(1.0d)).isEqualTo("1");
        assertThat(PhpValues.text(true)).isEqualTo("1");
        assertThat(PhpValues.text(false)).isEmpty();
        assertThat(PhpValues.text(null)).isEmpty();
        assertThat(PhpValues.text(List.of("a"))).isEmpty();
        assertThat(PhpValues.text(Map.of("a", "b"))).isEmpty();
    }

    @Test
    void onlyTextNumbersAndBooleansAreScalars() {
        for (Object scalar : new Object[] {"", "a", 0, 1L, new BigDecimal("1.5"), true, false}) {
            assertThat(PhpValues.isScalar(scalar)).as("%s", scalar).isTrue();
        }
        for (Object other : new Object[] {null, List.of(), List.of("a"), Map.of(), Map.of("a", "b")}) {
            assertThat(PhpValues.isScalar(other)).as("%s", other).isFalse();
        }
    }

    @Test
    void aValueOfAnyOtherKindIsNotEmpty() {
        assertThat(PhpValues.isEmpty(new Object())).isFalse();
    }
}
