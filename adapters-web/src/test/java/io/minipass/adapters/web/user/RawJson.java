package io.minipass.adapters.web.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minipass.adapters.web.ApiClient.Answer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** An answer's {@code data} as the JSON text has it: key order, and which values are numbers and which strings. */
final class RawJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RawJson() {
    }

    static JsonNode data(Answer answer) {
        try {
            return MAPPER.readTree(answer.body()).get("data");
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }

    static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The keys whose values are JSON integers. */
    static List<String> integerKeys(JsonNode object) {
        return keysWhere(object, JsonNode::isIntegralNumber);
    }

    /** The keys whose values are JSON strings. */
    static List<String> stringKeys(JsonNode object) {
        return keysWhere(object, JsonNode::isTextual);
    }

    private static List<String> keysWhere(JsonNode object, java.util.function.Predicate<JsonNode> test) {
        List<String> keys = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (test.test(field.getValue())) {
                keys.add(field.getKey());
            }
        }
        return keys;
    }
}
