package io.minipass.adapters.web;

import io.javalin.http.Context;
import io.minipass.adapters.web.php.JsonCodec;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes an {@link ApiResult} as ShopXO does: HTTP 200, JSON, keys msg, code, data in that order. */
public final class JsonEnvelopeWriter {
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private JsonEnvelopeWriter() {
    }

    public static byte[] toJson(ApiResult result) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("msg", result.msg());
        envelope.put("code", result.code());
        envelope.put("data", result.data());
        return JsonCodec.write(envelope);
    }

    public static void write(Context ctx, ApiResult result) {
        RequestTrail trail = RequestTrail.of(ctx.req());
        if (trail != null) {
            trail.code(result.code());
        }
        ctx.status(200);
        ctx.contentType(CONTENT_TYPE);
        ctx.result(toJson(result));
    }
}
