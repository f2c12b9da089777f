package io.minipass.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonNumberLimitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-12.5E+3", "1e64", "1E-64", "7200"})
    void ordinaryNumbersPass(String literal) {
        assertThat(JsonNumberLimits.isWithinLimits(literal)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e65", "1e999999999", "-1E-999999999", "1e0000000000000000000000000065"})
    void exponentsBeyondTheLimitFail(String literal) {
        assertThat(JsonNumberLimits.isWithinLimits(literal)).isFalse();
    }

    @Test
    void sixtyFiveDigitsFailSixtyFourPass() {
        assertThat(JsonNumberLimits.isWithinLimits("9".repeat(64))).isTrue();
        assertThat(JsonNumberLimits.isWithinLimits("9".repeat(65))).isFalse();
        assertThat(JsonNumberLimits.isWithinLimits("0." + "1".repeat(64))).isFalse();
    }

    @Test
    void theCheckingParserStopsAtTheFirstNumberBeyondTheLimits() throws IOException {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(JsonNumberLimits.CONSTRAINTS).build();
        try (JsonParser parser = JsonNumberLimits.checking(factory.createParser("{\"a\":1,\"b\":1e999999999}"))) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            assertThat(parser.nextValue()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
            assertThatThrownBy(parser::nextValue).isInstanceOf(StreamReadException.class);
        }
    }
}
