package io.minipass.adapters.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Headers every answer carries, set on the way out, before the headers are sent: {@code X-Content-Type-Options:
 * nosniff}, and ShopXO's spelling of the JSON content type (Jetty's servlet layer rewrites
 * {@code application/json; charset=utf-8} to its cached spelling without the space).
 */
final class AnswerHeaders extends Handler.Wrapper {
    static final String NO_SNIFF_NAME = "X-Content-Type-Options";
    static final String NO_SNIFF_VALUE = "nosniff";

    AnswerHeaders(Handler handler) {
        super(handler);
    }

    /** For answers Jetty writes itself, outside any handler. */
    static void addNoSniff(HttpFields.Mutable headers) {
        headers.put(NO_SNIFF_NAME, NO_SNIFF_VALUE);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        addNoSniff(response.getHeaders());
        return super.handle(request, new Response.Wrapper(request, response) {
            @Override
            public void write(boolean last, ByteBuffer content, Callback writeCallback) {
                if (!isCommitted()) {
                    // The servlet layer may have reset the headers since.
                    addNoSniff(getHeaders());
                    String contentType = getHeaders().get(HttpHeader.CONTENT_TYPE);
                    if (contentType != null && contentType.replace(" ", "").equalsIgnoreCase("application/json;charset=utf-8")) {
                        getHeaders().put(HttpHeader.CONTENT_TYPE, JsonEnvelopeWriter.CONTENT_TYPE);
                    }
                }
                super.write(last, content, writeCallback);
            }
        }, callback);
    }
}
