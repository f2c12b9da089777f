package io.minipass.adapters.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/** The {@code scheme://host[:port]} a request was made to, the port left out when it is the scheme's default. */
final class BaseUrl {
    private BaseUrl() {
    }

    static String of(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        String host = request.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = request.getServerPort();
        boolean defaultPort = port <= 0
                || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
