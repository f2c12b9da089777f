package io.minipass.adapters.platforms.crypto;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads decrypted bytes as one UTF-8 JSON object into plain Java values (String, Number, Boolean,
 * null, Map, List). Malformed UTF-8, duplicate keys, trailing content or a non-object root are refused.
 */
final class JsonObjectReader {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final TypeReference<Map<String, Object>> PLAIN_OBJECT = new TypeReference<>() {
    };

    private JsonObjectReader() {
    }

    /** The object, or {@code null} when the bytes are not one UTF-8 JSON object. */
    static Map<String, Object> read(byte[] utf8) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
            JsonNode root = MAPPER.readTree(text);
            if (root == null || !root.isObject()) {
                return null;
            }
            return MAPPER.convertValue(root, PLAIN_OBJECT);
        } catch (CharacterCodingException | JacksonException | IllegalArgumentException notJsonObject) {
            return null;
        }
    }
}
