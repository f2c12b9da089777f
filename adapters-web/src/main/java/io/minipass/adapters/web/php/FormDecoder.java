package io.minipass.adapters.web.php;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a query string or an {@code application/x-www-form-urlencoded} body leniently, as PHP does:
 * {@code +} is a space, a {@code %} not followed by two hex digits stays as it is, bytes that are
 * not UTF-8 read as U+FFFD, and bracketed names nest ({@link ParameterTree}). Never throws.
 */
public final class FormDecoder {
    private FormDecoder() {
    }

    public static Map<String, Object> decode(String text) {
        return text == null ? new LinkedHashMap<>() : decode(text.getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, Object> decode(byte[] bytes) {
        ParameterTree tree = new ParameterTree();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '&') {
                if (i > start && !addField(tree, bytes, start, i)) {
                    break;
                }
                start = i + 1;
            }
        }
        return tree.toMap();
    }

    private static boolean addField(ParameterTree tree, byte[] bytes, int from, int to) {
        int equals = from;
        while (equals < to && bytes[equals] != '=') {
            equals++;
        }
        String name = unescape(bytes, from, equals);
        String value = equals < to ? unescape(bytes, equals + 1, to) : "";
        return tree.put(name, value);
    }

    static String unescape(byte[] bytes, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%' && hex(bytes, i + 1, to) >= 0) {
                out.write(hex(bytes, i + 1, to));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The byte two hex digits at {@code at} stand for, or -1. */
    private static int hex(byte[] bytes, int at, int to) {
        if (at + 1 >= to) {
            return -1;
        }
        int high = Character.digit(bytes[at], 16);
        int low = Character.digit(bytes[at + 1], 16);
        return high < 0 || low < 0 ? -1 : (high << 4) | low;
    }
}
