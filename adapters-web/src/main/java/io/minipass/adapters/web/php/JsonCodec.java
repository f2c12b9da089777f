package io.minipass.adapters.web.php;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.minipass.adapters.json.JsonNumberLimits;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON as plain values: objects read as ordered maps, arrays as lists, fractions as BigDecimal
 * (so {@code 1.10} keeps its digits). Exactly one value per document, no number beyond
 * {@link JsonNumberLimits}, and no more values or depth than {@link JsonShapeLimits} allows. Member names are a
 * client's text, never interned (docs/security.md); the parser's name table stays on, since without it Jackson
 * reads bytes through a character decoder at twice the cost.
 */
public final class JsonCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder(
                    JsonFactory.builder()
                            .streamReadConstraints(JsonNumberLimits.CONSTRAINTS)
                            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                            .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonCodec() {
    }

    /**
     * @throws JsonBeyondLimitsException when the text holds more values, or nests deeper, than {@link JsonShapeLimits} allows
     * @throws IOException               when the text is not one well-formed JSON value, or holds a number beyond the limits
     */
    public static Object parse(byte[] json) throws IOException {
        return read(MAPPER.createParser(json));
    }

    /** @see #parse(byte[]) */
    public static Object parse(String json) throws IOException {
        return read(MAPPER.createParser(json));
    }

    private static Object read(JsonParser parser) throws IOException {
        try (JsonParser checked = JsonShapeLimits.checking(JsonNumberLimits.checking(parser))) {
            return MAPPER.readValue(checked, Object.class);
        }
    }

    /** UTF-8 JSON; strings keep their characters unescaped. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
