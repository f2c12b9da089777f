package io.minipass.bootstrap.corpus;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a request's parameters into the query and a body of one encoding. */
final class Requests {
    static final String BOUNDARY = "----corpus29boundary";

    /** How the body carries its parameters. */
    enum Encoding {
        FORM("application/x-www-form-urlencoded"),
        MULTIPART("multipart/form-data; boundary=" + BOUNDARY),
        JSON("application/json"),
        /** A form body under a type PHP ignores: only the query counts. */
        TEXT_PLAIN("text/plain"),
        UNTYPED_FORM(null),
        UNTYPED_JSON(null);

        final String contentType;

        Encoding(String contentType) {
            this.contentType = contentType;
        }

        /** Whether the body is form fields, where an empty array or object is no field at all. */
        boolean form() {
            return this == FORM || this == MULTIPART || this == UNTYPED_FORM;
        }

        /** Whether the service reads this body's parameters (docs/contract.md#parameters). */
        boolean read() {
            return this != TEXT_PLAIN;
        }
    }

    record Param(String name, Value value) {
    }

    private Requests() {
    }

    static Param param(String name, Value value) {
        return new Param(name, value);
    }

    static Param param(String name, String text) {
        return new Param(name, Value.text(text, text));
    }

    static String query(List<Param> params) {
        return params.stream().map(p -> p.value().form(p.name())).filter(part -> !part.isEmpty())
                .collect(Collectors.joining("&"));
    }

    static String target(String path, List<Param> query) {
        String q = query(query);
        return q.isEmpty() ? path : path + (path.contains("?") ? "&" : "?") + q;
    }

    static RawHttp.Request build(String method, String path, List<Param> query, List<Param> body, Encoding encoding) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return new RawHttp.Request(method, target(path, query), headers, new byte[0]);
        }
        if (encoding.contentType != null) {
            headers.put("Content-Type", encoding.contentType);
        }
        return new RawHttp.Request(method, target(path, query), headers, body(body, encoding));
    }

    static byte[] body(List<Param> body, Encoding encoding) {
        String text = switch (encoding) {
            case FORM, TEXT_PLAIN, UNTYPED_FORM -> query(body);
            case JSON, UNTYPED_JSON -> body.stream().filter(p -> !p.value().isAbsent())
                    .map(p -> Value.text("", p.name()).jsonText() + ":" + p.value().jsonText())
                    .collect(Collectors.joining(",", "{", "}"));
            case MULTIPART -> multipart(body);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String multipart(List<Param> body) {
        StringBuilder text = new StringBuilder();
        for (Param param : body) {
            for (Map.Entry<String, String> part : param.value().parts(param.name())) {
                text.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"")
                        .append(part.getKey()).append("\"\r\n\r\n").append(part.getValue()).append("\r\n");
            }
        }
        return text.append("--").append(BOUNDARY).append("--\r\n").toString();
    }

    /** PHP's {@code $_REQUEST}: the query's parameters, then a form or multipart body's, never a JSON body's. */
    static Map<String, Value> formEffective(List<Param> query, List<Param> body, Encoding encoding) {
        return effective(query, encoding.form() ? body : List.of(), encoding);
    }

    /** The parameters the service works with: the query's, then the body's over them, later names winning. */
    static Map<String, Value> effective(List<Param> query, List<Param> body, Encoding encoding) {
        Map<String, Value> merged = new LinkedHashMap<>();
        for (Param param : query) {
            if (!param.value().isAbsent() && !(param.value().phpEmpty() && !param.value().scalar())) {
                merged.put(param.name(), param.value());
            }
        }
        if (encoding.read()) {
            for (Param param : body) {
                if (!param.value().isAbsent() && !(encoding.form() && param.value().phpEmpty() && !param.value().scalar())) {
                    merged.put(param.name(), param.value());
                }
            }
        }
        return merged;
    }
}
