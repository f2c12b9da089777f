package io.minipass.adapters.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.function.Consumer;

/**
 * One INFO line per answered request on the logger {@code minipass.access}: method, route, platform, HTTP status,
 * envelope code, milliseconds and client address, also as key-value pairs for JSON logs. Never a parameter's value:
 * no token, openid, session key or mobile can reach it.
 */
final class AccessLog implements Consumer<AnsweredRequest> {
    static final String LOGGER = "minipass.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void accept(AnsweredRequest request) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long millis = request.duration().toMillis();
        // Logged where the answer was finished, which may be another thread than the handler's.
        String outer = MDC.get(RequestTrail.MDC_KEY);
        MDC.put(RequestTrail.MDC_KEY, request.requestId());
        try {
            LOG.atInfo()
                    .addKeyValue("method", request.method())
                    .addKeyValue("route", request.route())
                    .addKeyValue("platform", request.platform())
                    .addKeyValue("status", request.status())
                    .addKeyValue("code", request.code())
                    .addKeyValue("ms", millis)
                    .addKeyValue("client", request.clientAddress())
                    .log("{} {} platform={} status={} code={} ms={} client={}", request.method(), request.route(),
                            request.platform(), request.status(), request.code(), millis, request.clientAddress());
        } finally {
            if (outer == null) {
                MDC.remove(RequestTrail.MDC_KEY);
            } else {
                MDC.put(RequestTrail.MDC_KEY, outer);
            }
        }
    }
}
