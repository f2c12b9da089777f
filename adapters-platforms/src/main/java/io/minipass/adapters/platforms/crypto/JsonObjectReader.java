package io.minipass.adapters.platforms.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.common.PlatformJson;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads decrypted bytes as one UTF-8 JSON object into plain Java values (String, Number, Boolean,
 * null, Map, List). Malformed UTF-8 and whatever {@link PlatformJson} refuses (duplicate keys, trailing
 * content, overlong numbers) or a non-object root are refused.
 */
final class JsonObjectReader {
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
            JsonNode root = PlatformJson.tree(text);
            if (root == null || !root.isObject()) {
                return null;
            }
            return PlatformJson.plain(root);
        } catch (IOException | IllegalArgumentException notJsonObject) {
            return null;
        }
    }
}
