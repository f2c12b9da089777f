package io.minipass.application.port.in;

import java.util.Objects;

/**
 * The network address a request came from (as far as the service can tell: behind a trusted proxy,
 * the address the proxy saw), which attempt budgets are kept for.
 */
public record ClientAddress(String value) {
    /** For callers that do not know the address; all of them share one budget. */
    public static final ClientAddress UNKNOWN = new ClientAddress("");

    public ClientAddress {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "unknown" : value;
    }
}
