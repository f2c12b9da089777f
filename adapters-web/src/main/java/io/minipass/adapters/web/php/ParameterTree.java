package io.minipass.adapters.web.php;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects form fields into parameters the way PHP does: {@code a[b][c]=x} nests objects,
 * {@code a[]=x} appends, a later field replaces an earlier one of the same name, and an object
 * whose keys are 0..n-1 in order reads as a list. Names that nest too deep are dropped, as PHP drops them.
 */
final class ParameterTree {
    static final int MAX_DEPTH = 32;
    static final int MAX_FIELDS = 1000;

    private final Map<String, Object> root = new LinkedHashMap<>();
    private int fields;

    /** Adds one field; false once {@link #MAX_FIELDS} were taken and the rest is ignored. */
    boolean put(String name, Object value) {
        if (fields >= MAX_FIELDS) {
            return false;
        }
        List<String> path = path(name);
        if (path.isEmpty()) {
            return true;
        }
        fields++;
        Map<String, Object> node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String key = keyIn(node, path.get(i));
            Object child = node.get(key);
            if (!(child instanceof Map<?, ?>)) {
                child = new LinkedHashMap<String, Object>();
                node.put(key, child);
            }
            node = castMap(child);
        }
        node.put(keyIn(node, path.get(path.size() - 1)), value);
        return true;
    }

    Map<String, Object> toMap() {
        Map<String, Object> result = new LinkedHashMap<>();
        root.forEach((key, value) -> result.put(key, finish(value)));
        return result;
    }

    /**
     * The keys a field name walks: {@code a[b][]} is [a, b, null] where null appends.
     * Empty when the name has no base or nests deeper than {@link #MAX_DEPTH}.
     */
    static List<String> path(String name) {
        String trimmed = name.stripLeading();
        int open = trimmed.indexOf('[');
        List<String> path = new ArrayList<>();
        if (open < 0 || trimmed.indexOf(']', open) < 0) {
            if (!trimmed.isEmpty()) {
                path.add(trimmed);
            }
            return path;
        }
        if (open == 0) {
            return path;
        }
        path.add(trimmed.substring(0, open));
        int at = open;
        while (at < trimmed.length() && trimmed.charAt(at) == '[') {
            int close = trimmed.indexOf(']', at);
            if (close < 0) {
                break;
            }
            String key = trimmed.substring(at + 1, close);
            path.add(key.isEmpty() ? null : key);
            if (path.size() > MAX_DEPTH) {
                return List.of();
            }
            at = close + 1;
        }
        return path;
    }

    /** A named key as given; an append key as PHP's next free index. */
    private static String keyIn(Map<String, Object> node, String key) {
        if (key != null) {
            return key;
        }
        long next = 0;
        for (String existing : node.keySet()) {
            Long index = integerKey(existing);
            if (index != null && index >= next) {
                next = index + 1;
            }
        }
        return Long.toString(next);
    }

    /** PHP's integer array keys: an optional minus and digits without leading zeros ("-0" is one too). */
    private static Long integerKey(String key) {
        int start = key.startsWith("-") ? 1 : 0;
        int digits = key.length() - start;
        if (digits < 1 || digits > 18 || (key.charAt(start) == '0' && key.length() > 1)) {
            return null;
        }
        for (int i = start; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(key);
    }

    private static Object finish(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            return value;
        }
        Map<String, Object> map = castMap(value);
        Map<String, Object> finished = new LinkedHashMap<>();
        boolean isList = true;
        int index = 0;
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            isList &= entry.getKey().equals(Integer.toString(index++));
            finished.put(entry.getKey(), finish(entry.getValue()));
        }
        return isList ? new ArrayList<>(finished.values()) : finished;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
