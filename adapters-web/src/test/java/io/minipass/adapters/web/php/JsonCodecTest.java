package io.minipass.adapters.web.php;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonCodecTest {

    @Test
    void readsPlainValuesKeepingTheDigitsOfFractions() throws IOException {
        assertThat(JsonCodec.parse("{\"a\":[1,1.10,\"x\",true,null]}"))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1, new BigDecimal("1.10"), "x", true, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} {}", "{\"a\":1}x", "", "{\"a\":"})
    void refusesAnythingButOneValue(String json) {
        assertThatThrownBy(() -> JsonCodec.parse(json)).isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "-1E+999999999", "1e-999999999", "0.5e65", "1e0065", "1e65", "2E-65"})
    void refusesNumbersWithAnExponentBeyond64(String number) {
        String json = "{\"openid\":" + number + "}";

        assertThatThrownBy(() -> JsonCodec.parse(json)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> JsonCodec.parse(json.getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> JsonCodec.parse("[[{\"a\":" + number + "}]]")).isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 100, 5000})
    void refusesNumbersOfMoreThan64Digits(int digits) {
        assertThatThrownBy(() -> JsonCodec.parse("{\"n\":" + "9".repeat(digits) + "}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> JsonCodec.parse("{\"n\":0." + "1".repeat(digits) + "}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> JsonCodec.parse("[-" + "1".repeat(digits - 1) + ".5]")).isInstanceOf(IOException.class);
    }

    @Test
    void acceptsNumbersUpToTheLimits() throws IOException {
        String digits64 = "9".repeat(64);

        assertThat(JsonCodec.parse("[" + digits64 + ",1e64,-1E-64,1e+0064,0." + "1".repeat(63) + "]")).isEqualTo(List.of(
                new BigInteger(digits64), new BigDecimal("1e64"), new BigDecimal("-1E-64"), new BigDecimal("1e64"),
                new BigDecimal("0." + "1".repeat(63))));
    }

    @Test
    void readsAsManyValuesAsAFormHasFields() throws IOException {
        assertThat((Map<?, ?>) JsonCodec.parse(members(1000))).hasSize(1000);
        assertThat(JsonCodec.parse("{\"a\":[" + "0,".repeat(998) + "0]}")).isEqualTo(Map.of("a", java.util.Collections.nCopies(999, 0)));
    }

    @Test
    void refusesMoreValuesThanAFormHasFields() {
        assertThatThrownBy(() -> JsonCodec.parse(members(1001))).isInstanceOf(JsonBeyondLimitsException.class);
        assertThatThrownBy(() -> JsonCodec.parse(members(1001).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonBeyondLimitsException.class);
        assertThatThrownBy(() -> JsonCodec.parse("{\"a\":[" + "0,".repeat(999) + "0]}")).isInstanceOf(JsonBeyondLimitsException.class);
        assertThatThrownBy(() -> JsonCodec.parse("[" + "{},".repeat(1000) + "{}]")).isInstanceOf(JsonBeyondLimitsException.class);
    }

    @Test
    void readsJsonNestedAsDeepAsAFormNameAndNoDeeper() throws IOException {
        assertThat(JsonCodec.parse("[".repeat(32) + "]".repeat(32))).isInstanceOf(List.class);
        assertThatThrownBy(() -> JsonCodec.parse("[".repeat(33) + "]".repeat(33))).isInstanceOf(JsonBeyondLimitsException.class);
        assertThatThrownBy(() -> JsonCodec.parse("{\"a\":".repeat(33) + "1" + "}".repeat(33)))
                .isInstanceOf(JsonBeyondLimitsException.class);
    }

    @Test
    void closedObjectsAndArraysGiveTheirDepthBack() throws IOException {
        String siblings = "{" + "\"a\":{},\"b\":[],".repeat(40) + "\"c\":{\"d\":[[1]]}}";

        assertThat(JsonCodec.parse(siblings)).isEqualTo(Map.of("a", Map.of(), "b", List.of(), "c", Map.of("d", List.of(List.of(1)))));
    }

    @Test
    void nextValueSkipsMemberNamesAndKeepsTheLimits() throws IOException {
        try (JsonParser parser = JsonShapeLimits.checking(new JsonFactory().createParser("{\"a\":1,\"b\":[true]}"))) {
            assertThat(parser.nextValue()).isEqualTo(JsonToken.START_OBJECT);
            assertThat(parser.nextValue()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
            assertThat(parser.currentName()).isEqualTo("a");
            assertThat(parser.nextValue()).isEqualTo(JsonToken.START_ARRAY);
            assertThat(parser.nextValue()).isEqualTo(JsonToken.VALUE_TRUE);
            assertThat(parser.nextValue()).isEqualTo(JsonToken.END_ARRAY);
            assertThat(parser.nextValue()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(parser.nextValue()).isNull();
        }
        try (JsonParser parser = JsonShapeLimits.checking(new JsonFactory().createParser("[".repeat(33) + "]".repeat(33)))) {
            assertThatThrownBy(() -> {
                while (parser.nextValue() != null) {
                    // reads on until the limit refuses a value
                }
            }).isInstanceOf(JsonBeyondLimitsException.class);
        }
    }

    @Test
    void doesNotInternMemberNames() throws IOException {
        String name = "k" + System.nanoTime();
        String pooled = new String(name.toCharArray()).intern();

        for (Object parsed : List.of(JsonCodec.parse("{\"" + name + "\":1}"),
                JsonCodec.parse(("{\"" + name + "\":1}").getBytes(StandardCharsets.UTF_8)))) {
            String key = (String) ((Map<?, ?>) parsed).keySet().iterator().next();
            assertThat(key).isEqualTo(name).isNotSameAs(pooled);
        }
    }

    private static String members(int count) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":0");
        }
        return json.append('}').toString();
    }
}
