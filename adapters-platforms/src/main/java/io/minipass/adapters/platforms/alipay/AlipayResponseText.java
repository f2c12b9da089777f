package io.minipass.adapters.platforms.alipay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cuts an Alipay answer into the exact text of each top-level value. Alipay signs the response node as it wrote
 * it, so the node is taken character for character (brace-balanced, strings and escapes respected), never
 * re-serialised.
 */
final class AlipayResponseText {
    private final String json;
    private int at;

    private AlipayResponseText(String json) {
        this.json = json;
    }

    /**
     * @return each top-level member's name (as written between its quotes) and raw value text
     * @throws IllegalArgumentException when the text is not one JSON object
     */
    static Map<String, String> topLevelValues(String json) {
        return new AlipayResponseText(json).object();
    }

    private Map<String, String> object() {
        Map<String, String> values = new LinkedHashMap<>();
        skipWhitespace();
        expect('{');
        skipWhitespace();
        if (peek() == '}') {
            at++;
        } else {
            while (true) {
                skipWhitespace();
                int nameStart = at + 1;
                skipString();
                String name = json.substring(nameStart, at - 1);
                skipWhitespace();
                expect(':');
                skipWhitespace();
                int valueStart = at;
                skipValue();
                values.put(name, json.substring(valueStart, at));
                skipWhitespace();
                if (peek() == ',') {
                    at++;
                    continue;
                }
                expect('}');
                break;
            }
        }
        skipWhitespace();
        if (at != json.length()) {
            throw new IllegalArgumentException("text after the object at " + at);
        }
        return values;
    }

    private void skipValue() {
        char c = peek();
        if (c == '"') {
            skipString();
        } else if (c == '{' || c == '[') {
            skipNested();
        } else {
            int start = at;
            while (at < json.length() && ",}] \t\r\n".indexOf(json.charAt(at)) < 0) {
                at++;
            }
            if (at == start) {
                throw new IllegalArgumentException("value expected at " + at);
            }
        }
    }

    /** From an opening brace or bracket to just past the one that closes it. */
    private void skipNested() {
        int depth = 0;
        do {
            char c = peek();
            if (c == '"') {
                skipString();
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            at++;
        } while (depth > 0);
    }

    private void skipString() {
        expect('"');
        while (true) {
            char c = peek();
            at++;
            if (c == '\\') {
                peek();
                at++;
            } else if (c == '"') {
                return;
            }
        }
    }

    private void skipWhitespace() {
        while (at < json.length() && " \t\r\n".indexOf(json.charAt(at)) >= 0) {
            at++;
        }
    }

    private void expect(char wanted) {
        if (peek() != wanted) {
            throw new IllegalArgumentException("'" + wanted + "' expected at " + at);
        }
        at++;
    }

    private char peek() {
        if (at >= json.length()) {
            throw new IllegalArgumentException("unexpected end of text");
        }
        return json.charAt(at);
    }
}
