package io.minipass.adapters.web;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * Puts the request's id in the SLF4J MDC ({@code request_id}) while the servlet layer handles the request, on
 * whichever thread that is (the body may have arrived on another one), so every log line of the request carries it.
 */
final class RequestScope extends Handler.Wrapper {

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        RequestTrail trail = RequestTrail.of(request);
        if (trail == null) {
            return super.handle(request, response, callback);
        }
        MDC.put(RequestTrail.MDC_KEY, trail.id());
        try {
            return super.handle(request, response, callback);
        } finally {
            MDC.remove(RequestTrail.MDC_KEY);
        }
    }
}
