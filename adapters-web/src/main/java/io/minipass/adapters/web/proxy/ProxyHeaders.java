package io.minipass.adapters.web.proxy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What a reverse proxy in front of the service says the client asked for: the scheme and the host
 * from {@code X-Forwarded-Proto} / {@code X-Forwarded-Host}, else from RFC 7239's
 * {@code Forwarded: proto=...;host=...}. Only values that are well-formed count (a scheme of http or
 * https, a {@code host[:port]}); anything else is as if the header were not there.
 *
 * <p>The {@code X-Forwarded-*} headers come first because they are what proxies set (nginx's
 * {@code proxy_set_header X-Forwarded-Proto $scheme}), while most pass a client's {@code Forwarded}
 * through untouched. Of a list of hops, the first is taken: the one the client itself talked to.
 */
record ProxyHeaders(Optional<String> proto, Optional<Authority> host) {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    /** @param header a request header's first value by name, null when absent */
    static ProxyHeaders read(UnaryOperator<String> header) {
        Map<String, String> forwarded = firstForwardedElement(header.apply("Forwarded"));
        Optional<String> proto = proto(firstListValue(header.apply("X-Forwarded-Proto")))
                .or(() -> proto(forwarded.get("proto")));
        Optional<Authority> host = Authority.parse(firstListValue(header.apply("X-Forwarded-Host")))
                .or(() -> Authority.parse(forwarded.get("host")));
        return new ProxyHeaders(proto, host);
    }

    private static Optional<String> proto(String value) {
        String scheme = value == null ? "" : value.toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") ? Optional.of(scheme) : Optional.empty();
    }

    /** {@code "https, http"} reads {@code "https"}. */
    private static String firstListValue(String value) {
        if (value == null) {
            return null;
        }
        int comma = value.indexOf(',');
        return (comma < 0 ? value : value.substring(0, comma)).trim();
    }

    /**
     * The parameters of the first element of a {@code Forwarded} header, names in lower case, values
     * unquoted; none when that element is malformed.
     */
    static Map<String, String> firstForwardedElement(String value) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (value == null) {
            return parameters;
        }
        for (int at = 0; ; ) {
            int end = endOfPair(value, at);
            String pair = value.substring(at, end);
            if (!pair.isBlank()) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? "" : pair.substring(0, equals).trim();
                Optional<String> parsed = equals < 0 ? Optional.empty() : pairValue(pair.substring(equals + 1).trim());
                if (!TOKEN.matcher(name).matches() || parsed.isEmpty()) {
                    return Map.of();
                }
                parameters.putIfAbsent(name.toLowerCase(Locale.ROOT), parsed.get());
            }
            if (end >= value.length() || value.charAt(end) == ',') {
                return parameters;
            }
            at = end + 1;
        }
    }

    /** Where the pair starting at {@code from} ends: the next ';' or ',' outside a quoted string, else the end. */
    private static int endOfPair(String value, int from) {
        boolean quoted = false;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ';' || c == ',')) {
                return i;
            }
        }
        return value.length();
    }

    /** A token as it is, a quoted string without its quotes and escapes; empty when it is neither. */
    private static Optional<String> pairValue(String text) {
        if (!text.startsWith("\"")) {
            // RFC 7239 wants host:port quoted; proxies send it bare too, so any text without quotes or spaces passes.
            return text.isEmpty() || text.chars().anyMatch(c -> c == '"' || c <= ' ') ? Optional.empty() : Optional.of(text);
        }
        StringBuilder unquoted = new StringBuilder();
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                unquoted.append(text.charAt(++i));
            } else if (c == '"') {
                return i == text.length() - 1 ? Optional.of(unquoted.toString()) : Optional.empty();
            } else {
                unquoted.append(c);
            }
        }
        return Optional.empty();
    }
}
