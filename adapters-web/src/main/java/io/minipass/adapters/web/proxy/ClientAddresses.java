package io.minipass.adapters.web.proxy;

import jakarta.servlet.http.HttpServletRequest;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The address a request came from, which attempt budgets are kept for and the access log shows: the peer's, or,
 * when the peer is a {@link TrustedProxies trusted proxy}, the address the outermost trusted proxy saw. That is
 * the right-most {@code X-Forwarded-For} entry not itself a trusted proxy: every proxy appends the address it
 * saw (nginx's {@code $proxy_add_x_forwarded_for} to the list, HAProxy's {@code option forwardfor} as a header
 * line of its own, which is why every line counts), so entries left of it are the client's word.
 * An entry that is no IP address ends the walk at the trusted hop that passed it on. Ports are dropped; an
 * IPv4-mapped IPv6 address is its IPv4 address. RFC 7239's {@code Forwarded: for=} is not read (nginx in front
 * clears that header: docs/security.md).
 */
public final class ClientAddresses {
    public static final String HEADER = "X-Forwarded-For";
    /** More hops than any real chain of proxies; the walk stops there, as at an entry that is no address. */
    private static final int MAX_HOPS = 16;

    private ClientAddresses() {
    }

    public static String of(HttpServletRequest request, TrustedProxies proxies) {
        return of(request.getRemoteAddr(), Collections.list(request.getHeaders(HEADER)), proxies);
    }

    /**
     * @param peer         the address of the connection's other end
     * @param forwardedFor every {@code X-Forwarded-For} line of the request, in order
     */
    public static String of(String peer, List<String> forwardedFor, TrustedProxies proxies) {
        Optional<InetAddress> peerAddress = IpLiteral.parse(peer);
        if (peerAddress.isEmpty()) {
            return peer == null ? "" : peer;
        }
        InetAddress believed = peerAddress.get();
        if (!proxies.trusts(believed)) {
            return IpLiteral.text(believed);
        }
        List<String> hops = hops(forwardedFor);
        for (int i = hops.size() - 1; i >= Math.max(0, hops.size() - MAX_HOPS); i--) {
            Optional<InetAddress> hop = IpLiteral.parse(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            believed = hop.get();
            if (!proxies.trusts(believed)) {
                break;
            }
        }
        return IpLiteral.text(believed);
    }

    private static List<String> hops(List<String> lines) {
        List<String> hops = new ArrayList<>();
        for (String line : lines) {
            for (String entry : line.split(",", -1)) {
                hops.add(entry.trim());
            }
        }
        return hops;
    }
}
