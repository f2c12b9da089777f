package io.minipass.application.port.in;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The network address a request came from (as far as the service can tell: behind a trusted proxy,
 * the address the proxy saw), which attempt budgets are kept for.
 */
public record ClientAddress(String value) {
    /** For callers that do not know the address; all of them share one budget. */
    public static final ClientAddress UNKNOWN = new ClientAddress("");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int SUBSCRIBER_PREFIX_BYTES = 8;

    public ClientAddress {
        Objects.requireNonNull(value, "value");
    }

    /**
     * What one budget is kept for: the address, but for IPv6 its /64 ({@code 2001:db8:1:2::/64}), since one
     * subscriber gets a whole /64 and may use any address in it (docs/security.md#attempt-budgets). An
     * IPv4-mapped IPv6 address is its IPv4 address.
     */
    public String budgetKey() {
        if (!IPV6.matcher(value).matches()) {
            return value;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(value); // a text with a colon is read as a literal, never looked up
        } catch (UnknownHostException notAnAddress) {
            return value;
        }
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < SUBSCRIBER_PREFIX_BYTES; i += 2) {
            key.append(Integer.toHexString((bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff)).append(':');
        }
        return key.append(":/64").toString();
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "unknown" : value;
    }
}
