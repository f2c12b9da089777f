package io.minipass.adapters.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Answers the errors Jetty raises before a request reaches the API (a malformed request line,
 * headers too large...) with the JSON envelope instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    static final String BAD_REQUEST = "请求格式有误";

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object status = request.getAttribute(ERROR_STATUS);
        boolean serverSide = status instanceof Integer code && code >= 500;
        ApiResult result = ApiResult.failed(serverSide ? ApiDispatcher.SYSTEM_BUSY : BAD_REQUEST);
        RequestTrail trail = RequestTrail.of(request);
        if (trail != null) {
            trail.code(result.code());
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonEnvelopeWriter.CONTENT_TYPE);
        AnswerHeaders.addFixedHeaders(response.getHeaders());
        response.write(true, ByteBuffer.wrap(JsonEnvelopeWriter.toJson(result)), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JsonEnvelopeWriter.CONTENT_TYPE);
        AnswerHeaders.addFixedHeaders(fields);
        return ByteBuffer.wrap(JsonEnvelopeWriter.toJson(ApiResult.failed(BAD_REQUEST)));
    }
}
