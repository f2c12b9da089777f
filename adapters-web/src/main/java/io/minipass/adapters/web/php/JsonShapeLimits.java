package io.minipass.adapters.web.php;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;

/**
 * Bounds a JSON document's shape as forms are bounded ({@link ParameterTree}): at most {@value #MAX_VALUES} member
 * values and array elements in total, nested at most {@value #MAX_DEPTH} deep. Checked as the parser reaches each
 * token, so a document beyond them costs no more than its first {@value #MAX_VALUES} values (docs/security.md).
 */
final class JsonShapeLimits {
    static final int MAX_VALUES = ParameterTree.MAX_FIELDS;
    static final int MAX_DEPTH = ParameterTree.MAX_DEPTH;

    private JsonShapeLimits() {
    }

    /** The parser, failing with a {@link JsonBeyondLimitsException} on the first value beyond the limits. */
    static JsonParser checking(JsonParser parser) {
        return new JsonParserDelegate(parser) {
            private int depth;
            private int values;

            @Override
            public JsonToken nextToken() throws IOException {
                JsonToken token = super.nextToken();
                if (token == null) {
                    return null;
                }
                if (token.isStructEnd()) {
                    depth--;
                    return token;
                }
                // Every value below the document's own is a member's value or an array's element.
                if (token != JsonToken.FIELD_NAME && depth > 0 && ++values > MAX_VALUES) {
                    throw new JsonBeyondLimitsException(this, "more than " + MAX_VALUES + " values");
                }
                if (token.isStructStart() && ++depth > MAX_DEPTH) {
                    throw new JsonBeyondLimitsException(this, "nested deeper than " + MAX_DEPTH);
                }
                return token;
            }

            // The delegate's own nextValue would advance the wrapped parser past the check.
            @Override
            public JsonToken nextValue() throws IOException {
                JsonToken token = nextToken();
                return token == JsonToken.FIELD_NAME ? nextToken() : token;
            }
        };
    }
}
