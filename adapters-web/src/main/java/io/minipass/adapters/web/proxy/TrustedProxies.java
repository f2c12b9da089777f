package io.minipass.adapters.web.proxy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The reverse proxies whose forwarding headers the service believes ({@code MINIPASS_TRUSTED_PROXIES}, read only
 * with {@code MINIPASS_TRUST_PROXY_HEADERS=true}): a request's headers count only when its peer is in one of these
 * networks, and {@link ClientAddresses} walks {@code X-Forwarded-For} past them (docs/security.md).
 */
public final class TrustedProxies {
    /** Believes no header: every address is the peer's. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());
    /** A proxy on this machine only: {@code 127.0.0.0/8, ::1}. */
    public static final String LOOPBACK_TEXT = "127.0.0.0/8,::1/128";
    public static final TrustedProxies LOOPBACK = parse(LOOPBACK_TEXT);

    private final List<ProxyNetwork> networks;

    private TrustedProxies(List<ProxyNetwork> networks) {
        this.networks = List.copyOf(networks);
    }

    /**
     * @param list networks separated by commas or spaces, e.g. {@code "10.0.0.0/8, fd00::/8, 192.0.2.7"}
     * @throws IllegalArgumentException naming the first entry that is no network
     */
    public static TrustedProxies parse(String list) {
        List<ProxyNetwork> networks = new ArrayList<>();
        for (String entry : list.split("[,\\s]+")) {
            if (!entry.isEmpty()) {
                networks.add(ProxyNetwork.parse(entry));
            }
        }
        return new TrustedProxies(networks);
    }

    /** Whether any header is believed at all. */
    public boolean any() {
        return !networks.isEmpty();
    }

    boolean trusts(InetAddress address) {
        for (ProxyNetwork network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a request from this peer may speak for the client through forwarding headers. */
    public boolean trustsPeer(String peer) {
        Optional<InetAddress> address = any() ? IpLiteral.parse(peer) : Optional.empty();
        return address.isPresent() && trusts(address.get());
    }

    @Override
    public String toString() {
        return networks.stream().map(ProxyNetwork::toString).collect(Collectors.joining(","));
    }
}
