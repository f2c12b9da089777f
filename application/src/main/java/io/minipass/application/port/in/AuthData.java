package io.minipass.application.port.in;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The profile payload a client sends as {@code auth_data}, already read from the wire into
 * plain values (strings, numbers, booleans, nested maps and lists). {@code {}} is an empty
 * profile, as ShopXO reads it: the user registers with an empty nickname.
 */
public record AuthData(Map<String, Object> fields) {
    public AuthData {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A field as text: scalars as written, anything else (absent, object, array) empty. */
    public String text(String name) {
        Object value = fields.get(name);
        return value instanceof Map<?, ?> || value instanceof Iterable<?> || value == null ? "" : value.toString();
    }
}
