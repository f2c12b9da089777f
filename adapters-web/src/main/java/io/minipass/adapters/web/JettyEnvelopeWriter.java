package io.minipass.adapters.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Writes the envelope of a failure Jetty answers before Javalin sees the request (a malformed request line,
 * headers too large, a body too large or too slow to arrive...): HTTP 200, ShopXO's JSON content type and the
 * headers every answer carries, as {@link JsonEnvelopeWriter} writes Javalin's answers.
 */
final class JettyEnvelopeWriter {
    private JettyEnvelopeWriter() {
    }

    static void write(Request request, Response response, Callback callback, ApiResult result) {
        RequestTrail trail = RequestTrail.of(request);
        if (trail != null) {
            trail.code(result.code());
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonEnvelopeWriter.CONTENT_TYPE);
        AnswerHeaders.addFixedHeaders(response.getHeaders());
        response.write(true, ByteBuffer.wrap(JsonEnvelopeWriter.toJson(result)), callback);
    }

    /** For an answer Jetty writes itself, outside any handler: the headers go into {@code fields}. */
    static ByteBuffer body(HttpFields.Mutable fields, ApiResult result) {
        fields.put(HttpHeader.CONTENT_TYPE, JsonEnvelopeWriter.CONTENT_TYPE);
        AnswerHeaders.addFixedHeaders(fields);
        return ByteBuffer.wrap(JsonEnvelopeWriter.toJson(result));
    }
}
