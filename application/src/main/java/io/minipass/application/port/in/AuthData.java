package io.minipass.application.port.in;

import io.minipass.domain.user.InvalidInputException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The profile payload a client sends as {@code auth_data}, already read from the wire into
 * plain values (strings, numbers, booleans, nested maps and lists). Never empty.
 */
public record AuthData(Map<String, Object> fields) {
    public AuthData {
        if (fields == null || fields.isEmpty()) {
            throw new InvalidInputException("授权数据为空");
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A field as text: scalars as written, anything else (absent, object, array) empty. */
    public String text(String name) {
        Object value = fields.get(name);
        return value instanceof Map<?, ?> || value instanceof Iterable<?> || value == null ? "" : value.toString();
    }
}
