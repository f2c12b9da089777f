package io.minipass.adapters.platforms.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.minipass.adapters.json.JsonNumberLimits;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one JSON reader (and writer) of the platform adapters: platform answers and decrypted payloads are one
 * JSON object, read strictly (no trailing text, no repeated field, no number beyond {@link JsonNumberLimits}),
 * else unreadable. Values are read as text by {@link #text(Object)}, the one rule for every platform.
 */
public final class PlatformJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder(
                    JsonFactory.builder()
                            .streamReadConstraints(JsonNumberLimits.CONSTRAINTS)
                            // Decrypted payloads are a client's bytes: their names are never interned (docs/security.md).
                            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final TypeReference<Map<String, Object>> PLAIN_OBJECT = new TypeReference<>() {
    };

    private PlatformJson() {
    }

    /**
     * @throws PlatformCallFailedException ({@code 接口返回格式有误}) when the text is not one JSON object
     */
    public static JsonNode object(Platform platform, String text) {
        JsonNode node = objectOrNull(text);
        if (node == null) {
            throw PlatformFailures.unreadable(platform);
        }
        return node;
    }

    /** The one JSON object the text holds (a leading BOM ignored), or null when it holds anything else. */
    static JsonNode objectOrNull(String text) {
        String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            JsonNode node = tree(json);
            return node != null && node.isObject() ? node : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Decrypted bytes as one UTF-8 JSON object in plain Java values (String, Number, Boolean, null, Map, List);
     * null when they are malformed UTF-8 or not one JSON object as {@link #object} reads it.
     */
    public static Map<String, Object> plainObject(byte[] utf8) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
            JsonNode root = tree(text);
            return root != null && root.isObject() ? plain(root) : null;
        } catch (CharacterCodingException | IllegalArgumentException notUtf8OrNotJson) {
            return null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /**
     * The one JSON value the text holds, read strictly; null when the text is empty.
     *
     * @throws IOException when the text is not one JSON value within the limits
     */
    private static JsonNode tree(String text) throws IOException {
        try (JsonParser parser = JsonNumberLimits.checking(MAPPER.createParser(text))) {
            return MAPPER.readTree(parser);
        }
    }

    /** An object node as plain Java values: String, Number, Boolean, null, Map, List. */
    private static Map<String, Object> plain(JsonNode object) {
        return MAPPER.convertValue(object, PLAIN_OBJECT);
    }

    /** A field's value as {@link #text(Object) text}. */
    public static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return "";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            return text(value.decimalValue());
        }
        return value.isBoolean() ? String.valueOf(value.booleanValue()) : "";
    }

    /**
     * A plain value (as {@link #plain} and {@link #plainObject} give) as text, the one rule of the platform
     * adapters: strings as they are, whole numbers as their digits, other numbers in plain notation, booleans
     * as JSON writes them ({@code true}, {@code false}), anything else (null, objects, arrays) empty.
     */
    public static String text(Object value) {
        if (value instanceof String string) {
            return string;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number number) {
            return text(BigDecimal.valueOf(number.doubleValue()));
        }
        return value instanceof Boolean flag ? flag.toString() : "";
    }

    /** The first of the fields whose {@link #text(Object) text} is not blank, stripped; else empty. */
    public static String firstText(Map<String, ?> object, String... fields) {
        for (String field : fields) {
            String text = text(object.get(field)).strip();
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    /** As {@link #firstText(Map, String...)}, on a JSON object. */
    public static String firstText(JsonNode object, String... fields) {
        for (String field : fields) {
            String text = text(object, field).strip();
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    /** A code field ({@code errcode}, {@code err_no}...), numbers and numeric strings alike, trimmed; empty when absent. */
    public static String code(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return "";
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        return value.asText().trim();
    }

    /** Whether the object has the field with a non-null value. */
    public static boolean has(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && !value.isNull();
    }

    /** Writes a flat object of strings, e.g. a request body. */
    public static String write(Map<String, String> fields) {
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a map of strings", e);
        }
    }
}
