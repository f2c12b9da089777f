package io.minipass.adapters.web.proxy;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/** A network in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}; a bare address is a network of one). */
record ProxyNetwork(byte[] address, int prefixLength) {

    /** @throws IllegalArgumentException when the text is not an IP address with an optional prefix length that fits it */
    static ProxyNetwork parse(String text) {
        String value = text.trim();
        int slash = value.indexOf('/');
        String addressPart = slash < 0 ? value : value.substring(0, slash);
        boolean withPort = addressPart.startsWith("[") || addressPart.chars().filter(c -> c == ':').count() == 1;
        InetAddress address = (withPort ? Optional.<InetAddress>empty() : IpLiteral.parse(addressPart))
                .orElseThrow(() -> new IllegalArgumentException(value + " is not an IP network such as 10.0.0.0/8 or fd00::/8"));
        byte[] bytes = address.getAddress();
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = value.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                throw new IllegalArgumentException(value + " has no prefix length of 0-" + bits);
            }
            prefix = Integer.parseInt(length);
        }
        return new ProxyNetwork(bytes, prefix);
    }

    boolean contains(InetAddress candidate) {
        byte[] other = candidate.getAddress();
        if (other.length != address.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (other[i] != address[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (other[whole] & mask) == (address[whole] & mask);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProxyNetwork network && network.prefixLength == prefixLength
                && Arrays.equals(network.address, address);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(address) + prefixLength;
    }

    @Override
    public String toString() {
        return IpLiteral.text(address) + "/" + prefixLength;
    }
}
