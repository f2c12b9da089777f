package io.minipass.bootstrap.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One parameter's value in the corpus, as its JSON type: a string, number, boolean, null, list or object of strings,
 * or absent. It renders itself into a form (PHP's names: {@code n[]=}, {@code n[k]=}) and into JSON, and reads as
 * ShopXO reads it ({@code PhpValues}): {@link #text} of a scalar, nothing of an array or object.
 */
record Value(String label, Object json) {
    static final Object ABSENT = new Object();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Value absent() {
        return new Value("absent", ABSENT);
    }

    static Value text(String label, String text) {
        return new Value(label, text);
    }

    boolean isAbsent() {
        return json == ABSENT;
    }

    boolean scalar() {
        return !(json instanceof List<?> || json instanceof Map<?, ?>);
    }

    /** What a scalar reads as; "" for null, false and anything not scalar. */
    String text() {
        if (isAbsent() || json == null || !scalar()) {
            return "";
        }
        if (json instanceof Boolean bool) {
            return bool ? "1" : "";
        }
        return json.toString();
    }

    /** PHP's {@code empty()}: absent, "", "0", 0, false, null or an empty array. */
    boolean phpEmpty() {
        if (json instanceof List<?> list) {
            return list.isEmpty();
        }
        if (json instanceof Map<?, ?> map) {
            return map.isEmpty();
        }
        String text = text();
        return text.isEmpty() || text.equals("0");
    }

    /** As a form field (urlencoded); "" when absent. A form has no types: true is sent as 1, null as a bare name. */
    String form(String name) {
        if (isAbsent()) {
            return "";
        }
        if (json == null) {
            return enc(name);
        }
        if (json instanceof List<?> list) {
            return list.stream().map(item -> enc(name + "[]") + "=" + enc(item.toString())).collect(Collectors.joining("&"));
        }
        if (json instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> enc(name + "[" + e.getKey() + "]") + "=" + enc(e.getValue().toString()))
                    .collect(Collectors.joining("&"));
        }
        return enc(name) + "=" + enc(text());
    }

    /** As multipart fields: name and value pairs. */
    List<Map.Entry<String, String>> parts(String name) {
        if (isAbsent()) {
            return List.of();
        }
        if (json instanceof List<?> list) {
            return list.stream().map(item -> Map.entry(name + "[]", item.toString())).toList();
        }
        if (json instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> Map.entry(name + "[" + e.getKey() + "]", e.getValue().toString())).toList();
        }
        return List.of(Map.entry(name, text()));
    }

    /** As a JSON value. */
    String jsonText() {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return label;
    }
}
