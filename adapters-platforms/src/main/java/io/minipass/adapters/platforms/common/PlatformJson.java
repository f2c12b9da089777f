package io.minipass.adapters.platforms.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;

import java.util.Map;

/** Reads platform answers: one JSON object, strictly (no trailing text, no repeated field), else unreadable. */
public final class PlatformJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private PlatformJson() {
    }

    /**
     * @throws PlatformCallFailedException ({@code 接口返回格式有误}) when the text is not one JSON object
     */
    public static JsonNode object(Platform platform, String text) {
        String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw PlatformFailures.unreadable(platform);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw PlatformFailures.unreadable(platform);
        }
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
