package io.minipass.adapters.web;

import java.time.Duration;

/**
 * One request as it was answered, for the access log and request metrics. Holds nothing a client sent
 * as a value: the route only when it is one the service knows, the platform only when it is one of ShopXO's.
 *
 * @param requestId     the request's id, as answered in {@code X-Request-Id}
 * @param method        {@code GET}, {@code POST}, {@code HEAD}, {@code OPTIONS}, or {@code OTHER}
 * @param route         a known route ({@code user/appminiuserinfo}, {@code metrics}), or {@code unknown}
 * @param platform      the client's platform ({@code weixin}...), or {@code none}
 * @param status        the HTTP status
 * @param code          the envelope's code ({@code 0}, {@code -1}...), or {@code none} for an answer that is none
 * @param duration      from the request's headers to the answer's last byte
 * @param clientAddress the address the service believes (the peer, or behind trusted proxies what the outermost saw)
 */
public record AnsweredRequest(String requestId, String method, String route, String platform, int status, String code,
                              Duration duration, String clientAddress) {
    public static final String UNKNOWN_ROUTE = "unknown";
    public static final String NONE = "none";
}
