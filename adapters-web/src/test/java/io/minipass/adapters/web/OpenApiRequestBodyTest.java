package io.minipass.adapters.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API document's request bodies accept the requests the README and docs/api.md show, in each dialect's document.
 * ShopXO's form {@code /api.php?s=<route>} has one body schema for every route; the routes' forms overlap (most take
 * an {@code openid}), so a body is one route's when any of them accepts it, never only when exactly one does.
 */
class OpenApiRequestBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The README's seed request (Try it), its form fields as the service reads them: all text. */
    private static final Map<String, String> SEED = Map.of(
            "auth_data", "{\"nickName\":\"ShopXO@纵之格\",\"gender\":0,\"language\":\"zh_CN\",\"city\":\"\",\"province\":\"\","
                    + "\"country\":\"\",\"avatarUrl\":\"https://thirdwx.qlogo.cn/mmopen/vi_32/Q0j4TwGTfTLyAtj7FMjZYFhr3FADapWV8TibSNWVRVYFmAEJGg4bYgw0WMx4cibF7RoKhv3iavOXGoobzWicE0M6Lg/132\"}",
            "openid", "oB6US5SNOngn196qzb3lagEBTh6w",
            "referrer", "0",
            "unionid", "o1Ang5xo5tiJD-l7Y1kY7-hT6emk");

    private static final List<Map<String, String>> BODIES = List.of(SEED,
            Map.of("authcode", "081abc", "referrer", "0"),
            Map.of("token", "2a91cd4304f9e4095e0f176ba3bfb80c"),
            Map.of("openid", "oB6US5SNOngn196qzb3lagEBTh6w", "code", "phone-code"));

    @Test
    void the_shopxo_form_accepts_the_readmes_seed_request_and_every_routes_body() throws IOException {
        for (ShopxoDialect dialect : ShopxoDialect.values()) {
            JsonNode document = JSON.readTree(OpenApiRoute.document(dialect));
            JsonNode content = document.at("/paths/~1api.php/post/requestBody/content");
            assertThat(content.size()).as("media types").isPositive();
            List<String> refused = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext(); ) {
                Map.Entry<String, JsonNode> type = types.next();
                for (Map<String, String> body : BODIES) {
                    if (!accepts(document, type.getValue().get("schema"), body)) {
                        refused.add(dialect + " " + type.getKey() + " " + body.keySet());
                    }
                }
            }
            assertThat(refused).as("bodies the /api.php POST schema refuses").isEmpty();
        }
    }

    @Test
    void the_readmes_seed_request_is_valid_for_its_path_forms() throws IOException {
        for (ShopxoDialect dialect : ShopxoDialect.values()) {
            JsonNode document = JSON.readTree(OpenApiRoute.document(dialect));
            for (String path : List.of("/api.php/user/appminiuserinfo", "/api/user/appminiuserinfo")) {
                JsonNode content = document.get("paths").get(path).at("/post/requestBody/content");
                content.fields().forEachRemaining(type -> assertThat(accepts(document, type.getValue().get("schema"), SEED))
                        .as("%s %s %s", dialect, path, type.getKey()).isTrue());
            }
        }
    }

    /**
     * Whether a schema accepts form fields, for the parts of JSON Schema the document's request bodies use: {@code $ref},
     * {@code oneOf} (exactly one), {@code anyOf} (at least one), {@code required}, {@code additionalProperties: false},
     * and each field's {@code type} and {@code maxLength} (a form field is text).
     */
    private static boolean accepts(JsonNode document, JsonNode schema, Map<String, String> fields) {
        JsonNode resolved = resolve(document, schema);
        if (resolved.has("oneOf")) {
            return count(document, resolved.get("oneOf"), fields) == 1;
        }
        if (resolved.has("anyOf")) {
            return count(document, resolved.get("anyOf"), fields) >= 1;
        }
        for (JsonNode name : resolved.path("required")) {
            if (!fields.containsKey(name.asText())) {
                return false;
            }
        }
        JsonNode properties = resolved.path("properties");
        for (Map.Entry<String, String> field : fields.entrySet()) {
            JsonNode property = properties.get(field.getKey());
            if (property == null) {
                if (resolved.path("additionalProperties").isBoolean() && !resolved.get("additionalProperties").asBoolean()) {
                    return false;
                }
            } else if (!acceptsText(document, property, field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean acceptsText(JsonNode document, JsonNode schema, String text) {
        JsonNode resolved = resolve(document, schema);
        if (resolved.has("oneOf") || resolved.has("anyOf")) {
            JsonNode alternatives = resolved.has("oneOf") ? resolved.get("oneOf") : resolved.get("anyOf");
            int accepting = 0;
            for (JsonNode alternative : alternatives) {
                accepting += acceptsText(document, alternative, text) ? 1 : 0;
            }
            return resolved.has("oneOf") ? accepting == 1 : accepting >= 1;
        }
        JsonNode type = resolved.get("type");
        boolean textType = type == null || type.asText().equals("string")
                || (type.isArray() && type.toString().contains("\"string\""));
        return textType && (!resolved.has("maxLength") || text.length() <= resolved.get("maxLength").asInt());
    }

    private static int count(JsonNode document, JsonNode alternatives, Map<String, String> fields) {
        int accepting = 0;
        for (JsonNode alternative : alternatives) {
            accepting += accepts(document, alternative, fields) ? 1 : 0;
        }
        return accepting;
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            resolved = document.at(resolved.get("$ref").asText().substring(1));
        }
        return resolved;
    }
}
