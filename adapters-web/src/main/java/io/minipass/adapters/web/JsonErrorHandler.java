package io.minipass.adapters.web;

import org.eclipse.jetty.http.HttpFields;
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

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object status = request.getAttribute(ERROR_STATUS);
        boolean serverSide = status instanceof Integer code && code >= 500;
        JettyEnvelopeWriter.write(request, response, callback,
                ApiResult.failed(serverSide ? Failure.SYSTEM_BUSY : Failure.BAD_REQUEST));
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        return JettyEnvelopeWriter.body(fields, ApiResult.failed(Failure.BAD_REQUEST));
    }
}
