package io.minipass.adapters.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;

/**
 * Refuses JSON numbers that cost more to use than to send: more than {@value #MAX_DIGITS} digits, or an
 * exponent beyond ±{@value #MAX_EXPONENT} ({@code 1e999999999} is eleven bytes, but a gigabyte once written
 * out in plain digits). Checked on each number's literal text as the parser reaches it, before any value is built.
 */
public final class JsonNumberLimits {
    public static final int MAX_DIGITS = 64;
    public static final int MAX_EXPONENT = 64;
    /** Lets the parser itself stop reading an overlong run of digits. */
    public static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder().maxNumberLength(MAX_DIGITS).build();

    private JsonNumberLimits() {
    }

    /** The parser, failing with a {@link JsonParseException} on the first number beyond the limits. */
    public static JsonParser checking(JsonParser parser) {
        return new JsonParserDelegate(parser) {
            @Override
            public JsonToken nextToken() throws IOException {
                JsonToken token = super.nextToken();
                if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                    check(this, getText());
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

    /** @param literal a JSON number as written, e.g. {@code -12.5E+3} */
    public static boolean isWithinLimits(String literal) {
        int digits = 0;
        int at = 0;
        for (; at < literal.length(); at++) {
            char c = literal.charAt(at);
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c >= '0' && c <= '9' && ++digits > MAX_DIGITS) {
                return false;
            }
        }
        if (at == literal.length()) {
            return true;
        }
        long exponent = 0;
        for (at++; at < literal.length(); at++) {
            char c = literal.charAt(at);
            if (c >= '0' && c <= '9') {
                exponent = exponent * 10 + (c - '0');
                if (exponent > MAX_EXPONENT) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void check(JsonParser parser, String literal) throws JsonParseException {
        if (!isWithinLimits(literal)) {
            throw new JsonParseException(parser, "number beyond " + MAX_DIGITS + " digits or exponent " + MAX_EXPONENT);
        }
    }
}
