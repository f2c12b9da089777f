package io.minipass.adapters.web.php;

import io.javalin.http.Context;
import io.minipass.domain.user.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merges a request's parameters as ShopXO reads them: the query string, then the body
 * (urlencoded, multipart or a JSON object) over it. A body of any other type is ignored, as PHP ignores it.
 * Beside that merge it keeps what PHP's {@code $_REQUEST} holds: the query and a form body, never a JSON body.
 */
public final class RequestParameters {
    public static final String TOO_LARGE = "请求数据过大";
    public static final String UNREADABLE = "请求数据读取失败";
    static final String MALFORMED_JSON = "请求的JSON数据格式有误";
    static final String JSON_NOT_OBJECT = "请求的JSON数据须为对象";
    static final String JSON_BEYOND_LIMITS = "请求的JSON数据层级或成员过多";
    static final String MALFORMED_MULTIPART = "请求的表单数据格式有误";

    private final long maxBodyBytes;

    public RequestParameters(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * A request's parameters, both ways.
     *
     * @param merged the query, then any body over it
     * @param form   the query, then a urlencoded or multipart body over it (PHP's {@code $_REQUEST}): where ShopXO
     *               v3 and later read {@code system_type} and {@code application_client_type} (docs/contract.md#parameters)
     */
    public record Read(Map<String, Object> merged, Map<String, Object> form) {
    }

    /** @throws InvalidInputException when the body is too large or not what its type says */
    public Read read(Context ctx, Map<String, Object> query) {
        Body body = body(ctx);
        Map<String, Object> merged = new LinkedHashMap<>(query);
        merged.putAll(body.fields());
        return new Read(merged, body.json() ? new LinkedHashMap<>(query) : merged);
    }

    /** The body's fields, and whether they came as JSON. */
    private record Body(Map<String, Object> fields, boolean json) {
        static Body form(Map<String, Object> fields) {
            return new Body(fields, false);
        }
    }

    private Body body(Context ctx) {
        String contentType = ctx.req().getContentType() == null ? "" : ctx.req().getContentType().toLowerCase(Locale.ROOT);
        if (ctx.req().getContentLengthLong() > maxBodyBytes) {
            throw new InvalidInputException(TOO_LARGE);
        }
        if (contentType.startsWith("multipart/form-data")) {
            return Body.form(multipart(ctx));
        }
        byte[] body = readBody(ctx);
        if (contentType.contains("json") || (contentType.isBlank() && startsWithBrace(body))) {
            return new Body(json(body), true);
        }
        if (contentType.isBlank() || contentType.startsWith("application/x-www-form-urlencoded")) {
            return Body.form(FormDecoder.decode(body));
        }
        return Body.form(Map.of());
    }

    /** A body of a known length (every body the service buffered has one) is read into one array of that size. */
    private byte[] readBody(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared >= 0) {
                byte[] body = new byte[(int) declared];
                if (in.readNBytes(body, 0, body.length) < body.length) {
                    throw new InvalidInputException(UNREADABLE);
                }
                return body;
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                throw new InvalidInputException(TOO_LARGE);
            }
            return body;
        } catch (IOException e) {
            throw new InvalidInputException(UNREADABLE);
        }
    }

    private static Map<String, Object> json(byte[] body) {
        if (isBlank(body)) {
            return Map.of();
        }
        Object value;
        try {
            value = JsonCodec.parse(body);
        } catch (JsonBeyondLimitsException e) {
            throw new InvalidInputException(JSON_BEYOND_LIMITS);
        } catch (IOException e) {
            throw new InvalidInputException(MALFORMED_JSON);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidInputException(JSON_NOT_OBJECT);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return object;
    }

    private Map<String, Object> multipart(Context ctx) {
        Map<String, List<String>> fields;
        try {
            fields = ctx.formParamMap();
        } catch (Exception e) { // Javalin rethrows the servlet's checked exceptions unchecked
            // Jetty drops the connection after a body it could not parse: say so, or a keep-alive client's next
            // request on it goes unanswered
            ctx.header("Connection", "close");
            throw new InvalidInputException(isTooLarge(e) ? TOO_LARGE : MALFORMED_MULTIPART);
        }
        ParameterTree tree = new ParameterTree();
        fields.forEach((name, values) -> values.forEach(value -> tree.put(name, value)));
        return tree.toMap();
    }

    private static boolean isTooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("exceed")) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithBrace(byte[] body) {
        int at = skipBomAndSpace(body);
        return at < body.length && body[at] == '{';
    }

    private static boolean isBlank(byte[] body) {
        return skipBomAndSpace(body) == body.length;
    }

    private static int skipBomAndSpace(byte[] body) {
        int at = body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf ? 3 : 0;
        while (at < body.length && (body[at] == ' ' || body[at] == '\t' || body[at] == '\r' || body[at] == '\n')) {
            at++;
        }
        return at;
    }
}
