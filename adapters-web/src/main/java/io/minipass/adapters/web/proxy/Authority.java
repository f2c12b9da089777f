package io.minipass.adapters.web.proxy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code host[:port]} part of a URL: a DNS name, an IPv4 address or a bracketed IPv6 address,
 * and a port when one was named ({@link #NO_PORT} otherwise).
 */
record Authority(String host, int port) {
    static final int NO_PORT = -1;
    private static final int MAX_LENGTH = 261; // a 253-character name, ':' and a port
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern HOST_AND_PORT = Pattern.compile(
            "(\\[[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*]|" + LABEL + "(?:\\." + LABEL + ")*)(?::([0-9]{1,5}))?");

    /** A value as a header carries it; empty unless it is exactly {@code host[:port]} with a port of 1-65535. */
    static Optional<Authority> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher matcher = HOST_AND_PORT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int port = matcher.group(2) == null ? NO_PORT : Integer.parseInt(matcher.group(2));
        if (port == 0 || port > 65_535 || matcher.group(1).length() > 253) {
            return Optional.empty();
        }
        return Optional.of(new Authority(matcher.group(1), port));
    }

    /** As it follows {@code scheme://}: the port left out when there is none or it is the scheme's default. */
    String toUrlPart(String scheme) {
        return port == NO_PORT || port == defaultPort(scheme) ? host : host + ":" + port;
    }

    static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> NO_PORT;
        };
    }
}
