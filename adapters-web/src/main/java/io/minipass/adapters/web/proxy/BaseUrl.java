package io.minipass.adapters.web.proxy;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/**
 * The {@code scheme://host[:port]} a request was made to, the port left out when it is the scheme's default.
 * Behind a reverse proxy that ends TLS the request's own scheme and host are the proxy's hop to this
 * service; when the proxy is trusted, the {@link ProxyHeaders} it sets say what the client asked for.
 */
public final class BaseUrl {
    private BaseUrl() {
    }

    /**
     * @param trustProxyHeaders whether a proxy in front sets (or strips) the forwarding headers; when false
     *                          they are ignored, as any client could send them
     */
    public static String of(HttpServletRequest request, boolean trustProxyHeaders) {
        String ownScheme = request.getScheme().toLowerCase(Locale.ROOT);
        String ownHost = request.getServerName();
        if (ownHost.indexOf(':') >= 0 && !ownHost.startsWith("[")) {
            ownHost = "[" + ownHost + "]";
        }
        int serverPort = request.getServerPort();
        // A Host header without a port reads as the default port of the request's own scheme, which
        // would be wrong once a proxy says https: that port counts as none.
        Authority own = new Authority(ownHost,
                serverPort <= 0 || serverPort == Authority.defaultPort(ownScheme) ? Authority.NO_PORT : serverPort);
        if (!trustProxyHeaders) {
            return ownScheme + "://" + own.toUrlPart(ownScheme);
        }
        ProxyHeaders proxy = ProxyHeaders.read(request::getHeader);
        String scheme = proxy.proto().orElse(ownScheme);
        return scheme + "://" + proxy.host().orElse(own).toUrlPart(scheme);
    }
}
