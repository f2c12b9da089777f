package io.minipass.adapters.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Jetty's servlet layer rewrites {@code application/json; charset=utf-8} to its cached spelling without
 * the space; this puts ShopXO's spelling back on the way out, before the headers are sent.
 */
final class ContentTypeSpelling extends Handler.Wrapper {

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(request, new Response.Wrapper(request, response) {
            @Override
            public void write(boolean last, ByteBuffer content, Callback writeCallback) {
                if (!isCommitted()) {
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
