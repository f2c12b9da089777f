package io.minipass.adapters.web;

import io.minipass.adapters.web.proxy.ClientAddresses;
import io.minipass.adapters.web.proxy.TrustedProxies;
import io.minipass.domain.user.Platform;
import org.eclipse.jetty.server.Request;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * What the access log and the metrics learn of one request while it is handled: its id (the client's
 * {@code X-Request-Id} when sane, else a new one), and, as the handling finds them out, its route, platform
 * and envelope code. Kept as a request attribute from the first handler on.
 */
final class RequestTrail {
    static final String HEADER = "X-Request-Id";
    /** The SLF4J MDC key every log line of the request carries. */
    static final String MDC_KEY = "request_id";
    private static final String ATTRIBUTE = RequestTrail.class.getName();
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> METHODS = Set.of("GET", "POST", "HEAD", "OPTIONS");

    private final String id;
    private final String method;
    private final String clientAddress;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile String route = AnsweredRequest.UNKNOWN_ROUTE;
    private volatile String platform = AnsweredRequest.NONE;
    private volatile String code = AnsweredRequest.NONE;

    private RequestTrail(String id, String method, String clientAddress) {
        this.id = id;
        this.method = method;
        this.clientAddress = clientAddress;
    }

    /** The address the request came from, as the budgets and the access log count it. */
    String clientAddress() {
        return clientAddress;
    }

    /** Starts the trail of a request that just arrived. */
    static RequestTrail start(Request request, TrustedProxies proxies) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        RequestTrail trail = new RequestTrail(idFor(request.getHeaders().get(HEADER)),
                METHODS.contains(method) ? method : "OTHER",
                ClientAddresses.of(Request.getRemoteAddr(request), request.getHeaders().getValuesList(ClientAddresses.HEADER),
                        proxies));
        request.setAttribute(ATTRIBUTE, trail);
        return trail;
    }

    /** The trail of a request, or null for one that did not pass {@link #start} (a handler under test alone). */
    static RequestTrail of(Request request) {
        return request.getAttribute(ATTRIBUTE) instanceof RequestTrail trail ? trail : null;
    }

    static RequestTrail of(jakarta.servlet.http.HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof RequestTrail trail ? trail : null;
    }

    /** The client's id when it is 1–64 of {@code [A-Za-z0-9._-]}, else a new random one (32 hex digits). */
    static String idFor(String given) {
        if (given != null && SANE_ID.matcher(given).matches()) {
            return given;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
    }

    String id() {
        return id;
    }

    /** @param route a route the service knows */
    void route(String route) {
        this.route = route;
    }

    /** @param clientType what the client sent as {@code application_client_type}; kept only when it is a platform */
    void platform(String clientType) {
        this.platform = Platform.fromClientType(clientType).map(Platform::clientType).orElse(AnsweredRequest.NONE);
    }

    void code(int code) {
        this.code = Integer.toString(code);
    }

    /** The request as answered, once: null when it was answered before. */
    AnsweredRequest answer(int status) {
        if (!answered.compareAndSet(false, true)) {
            return null;
        }
        return new AnsweredRequest(id, method, route, platform, status, code,
                Duration.ofNanos(System.nanoTime() - startNanos), clientAddress);
    }
}
