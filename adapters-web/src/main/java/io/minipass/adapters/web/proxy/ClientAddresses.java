package io.minipass.adapters.web.proxy;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request came from, which attempt budgets are kept for: the peer's, or behind a
 * trusted reverse proxy the last hop of {@code X-Forwarded-For}, which the proxy appended itself
 * (nginx's {@code $proxy_add_x_forwarded_for}); hops before it are the client's word.
 */
public final class ClientAddresses {
    private static final int MAX_LENGTH = 64;

    private ClientAddresses() {
    }

    public static String of(HttpServletRequest request, boolean trustProxyHeaders) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustProxyHeaders);
    }

    /**
     * @param peer         the address of the connection's other end
     * @param forwardedFor the request's {@code X-Forwarded-For}, or null
     */
    public static String of(String peer, String forwardedFor, boolean trustProxyHeaders) {
        if (trustProxyHeaders) {
            if (forwardedFor != null) {
                String lastHop = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).trim();
                if (!lastHop.isEmpty() && lastHop.length() <= MAX_LENGTH && lastHop.matches("[0-9A-Fa-f.:\\[\\]]+")) {
                    return lastHop;
                }
            }
        }
        return peer == null ? "" : peer;
    }
}
