package io.minipass.adapters.web;

import io.minipass.adapters.web.proxy.TrustedProxies;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Headers every answer carries, set on the way out, before the headers are sent: {@code X-Content-Type-Options:
 * nosniff}, {@code Cache-Control: no-store} (answers carry tokens and mobiles, and none is worth a cache's keeping:
 * docs/security.md), the request's {@code X-Request-Id}, and ShopXO's spelling of the JSON content type (Jetty's servlet
 * layer rewrites {@code application/json; charset=utf-8} to its cached spelling without the space). The outermost
 * handler, so it also starts each request's {@link RequestTrail} and tells {@code answered} once the answer is out.
 */
final class AnswerHeaders extends Handler.Wrapper {
    static final String NO_SNIFF_NAME = "X-Content-Type-Options";
    static final String NO_SNIFF_VALUE = "nosniff";
    static final String NO_STORE = "no-store";
    private static final Logger LOG = LoggerFactory.getLogger(AnswerHeaders.class);

    private final TrustedProxies proxies;
    private final Consumer<AnsweredRequest> answered;

    AnswerHeaders(Handler handler, TrustedProxies proxies, Consumer<AnsweredRequest> answered) {
        super(handler);
        this.proxies = proxies;
        this.answered = answered;
    }

    /**
     * {@code nosniff}, and {@code no-store} unless the route chose its own caching (the API document); also for
     * answers Jetty writes itself, outside any handler.
     */
    static void addFixedHeaders(HttpFields.Mutable headers) {
        headers.put(NO_SNIFF_NAME, NO_SNIFF_VALUE);
        if (!headers.contains(HttpHeader.CACHE_CONTROL)) {
            headers.put(HttpHeader.CACHE_CONTROL, NO_STORE);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        RequestTrail trail = RequestTrail.start(request, proxies);
        addFixedHeaders(response.getHeaders());
        response.getHeaders().put(RequestTrail.HEADER, trail.id());
        // Told once the answer is out (or failed to go out), whichever thread that is on.
        Callback finished = Callback.from(callback, () -> tell(trail, response));
        boolean handled;
        try {
            handled = super.handle(request, wrap(request, response, trail), finished);
        } catch (Exception | Error e) {
            tell(trail, 500);
            throw e;
        }
        if (!handled) {
            tell(trail, 404);
        }
        return handled;
    }

    private void tell(RequestTrail trail, Response response) {
        tell(trail, response.getStatus());
    }

    private void tell(RequestTrail trail, int status) {
        AnsweredRequest request = trail.answer(status);
        if (request == null) {
            return;
        }
        try {
            answered.accept(request);
        } catch (RuntimeException e) {
            LOG.warn("Could not record the answer to request {}", trail.id(), e);
        }
    }

    private static Response wrap(Request request, Response response, RequestTrail trail) {
        return new Response.Wrapper(request, response) {
            @Override
            public void write(boolean last, ByteBuffer content, Callback writeCallback) {
                if (!isCommitted()) {
                    // The servlet layer may have reset the headers since.
                    addFixedHeaders(getHeaders());
                    getHeaders().put(RequestTrail.HEADER, trail.id());
                    String contentType = getHeaders().get(HttpHeader.CONTENT_TYPE);
                    if (contentType != null && contentType.replace(" ", "").equalsIgnoreCase("application/json;charset=utf-8")) {
                        getHeaders().put(HttpHeader.CONTENT_TYPE, JsonEnvelopeWriter.CONTENT_TYPE);
                    }
                }
                super.write(last, content, writeCallback);
            }
        };
    }
}
