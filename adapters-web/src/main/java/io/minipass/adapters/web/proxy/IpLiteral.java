package io.minipass.adapters.web.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IP address as a peer or an {@code X-Forwarded-For} entry writes it: {@code 192.0.2.1}, {@code 192.0.2.1:5678},
 * {@code 2001:db8::1}, {@code [2001:db8::1]} or {@code [2001:db8::1]:443}; the port is dropped. Anything else (a
 * name, nginx's {@code unknown}, RFC 7239's obfuscated {@code _hidden}, a zone id) is no address. Never asks DNS.
 */
final class IpLiteral {
    private static final int MAX_LENGTH = 64;
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private IpLiteral() {
    }

    /** An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) reads as its IPv4 address. */
    static Optional<InetAddress> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String value = text.trim();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0 || !portOrNothing(value.substring(close + 1))) {
                return Optional.empty();
            }
            return ipv6(value.substring(1, close));
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            return ipv4(value);
        }
        if (colon == value.lastIndexOf(':')) {
            return portOrNothing(value.substring(colon)) ? ipv4(value.substring(0, colon)) : Optional.empty();
        }
        return ipv6(value);
    }

    /** @param suffix what follows the address: nothing, or {@code :port} */
    private static boolean portOrNothing(String suffix) {
        if (suffix.isEmpty()) {
            return true;
        }
        String port = suffix.substring(1);
        return suffix.charAt(0) == ':' && PORT.matcher(port).matches() && Integer.parseInt(port) <= 65_535;
    }

    private static Optional<InetAddress> ipv4(String text) {
        Matcher parts = IPV4.matcher(text);
        if (!parts.matches()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int part = Integer.parseInt(parts.group(i + 1));
            if (part > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) part;
        }
        return byAddress(bytes);
    }

    private static Optional<InetAddress> ipv6(String text) {
        if (!IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            // A text with a colon is only ever read as an IPv6 literal, never looked up.
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> byAddress(byte[] bytes) {
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException impossible) {
            return Optional.empty();
        }
    }

    /** The address as logs and budgets show it: IPv4 dotted, IPv6 in RFC 5952's short form ({@code 2001:db8::1}). */
    static String text(InetAddress address) {
        return text(address.getAddress());
    }

    static String text(byte[] bytes) {
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not shortened
        for (int i = 0; i < 8; ) {
            int end = i;
            while (end < 8 && groups[end] == 0) {
                end++;
            }
            if (end - i > bestLength) {
                bestStart = i;
                bestLength = end - i;
            }
            i = end == i ? i + 1 : end;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
