package io.minipass.adapters.platforms.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;

import java.io.IOException;
import java.util.Map;

/**
 * Reads platform answers and decrypted payloads: one JSON object, strictly (no trailing text, no repeated
 * field, no number beyond {@link JsonNumberLimits}), else unreadable.
 */
public final class PlatformJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder(
                    JsonFactory.builder().streamReadConstraints(JsonNumberLimits.CONSTRAINTS).build())
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
        String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
        JsonNode node;
        try {
            node = tree(json);
        } catch (IOException e) {
            throw PlatformFailures.unreadable(platform);
        }
        if (node == null || !node.isObject()) {
            throw PlatformFailures.unreadable(platform);
        }
        return node;
    }

    /**
     * The one JSON value the text holds, read strictly; null when the text is empty.
     *
     * @throws IOException when the text is not one JSON value within the limits
     */
    public static JsonNode tree(String text) throws IOException {
        try (JsonParser parser = JsonNumberLimits.checking(MAPPER.createParser(text))) {
            return MAPPER.readTree(parser);
        }
    }

    /** An object node as plain Java values: String, Number, Boolean, null, Map, List. */
    public static Map<String, Object> plain(JsonNode object) {
        return MAPPER.convertValue(object, PLAIN_OBJECT);
    }

    /** A field's value as text: strings as they are, numbers and booleans as written, anything else empty. */
    public static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? "" : value.asText();
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
