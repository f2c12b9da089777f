package io.minipass.adapters.web.proxy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {
    private static final TrustedProxies LOOPBACK = TrustedProxies.LOOPBACK;
    private static final TrustedProxies LAN = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, fd00::/8");

    private static String of(String peer, TrustedProxies proxies, String... forwardedFor) {
        return ClientAddresses.of(peer, List.of(forwardedFor), proxies);
    }

    @Test
    void haproxy_adds_a_line_of_its_own_after_the_clients_so_that_line_is_the_address() {
        // option forwardfor: the client's spoofed line stays first, HAProxy's comes after it.
        assertThat(of("127.0.0.1", LOOPBACK, "6.6.6.6", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(of("127.0.0.1", LOOPBACK, "6.6.6.7, 6.6.6.8", "203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void nginx_appends_to_the_clients_list_so_its_last_entry_is_the_address() {
        // $proxy_add_x_forwarded_for: "<what the client sent>, $remote_addr"
        assertThat(of("127.0.0.1", LOOPBACK, "6.6.6.6, 203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(of("127.0.0.1", LOOPBACK, "203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void spoofed_first_entries_never_count_whatever_they_are() {
        for (String spoofed : List.of("1.1.1.1", "10.0.0.1", "127.0.0.1", "unknown", "[::1]:80", "x".repeat(100))) {
            assertThat(of("127.0.0.1", LOOPBACK, spoofed + ", 203.0.113.7")).as(spoofed).isEqualTo("203.0.113.7");
        }
    }

    @Test
    void a_chain_of_trusted_proxies_is_walked_from_the_right_to_the_first_untrusted_entry() {
        // client -> edge proxy 10.0.0.5 -> nginx 10.0.0.9 -> service
        assertThat(of("10.0.0.9", LAN, "6.6.6.6, 203.0.113.7, 10.0.0.5")).isEqualTo("203.0.113.7");
        assertThat(of("10.0.0.9", LAN, "6.6.6.6, 203.0.113.7", "10.0.0.5")).isEqualTo("203.0.113.7");
    }

    @Test
    void headers_from_a_peer_that_is_no_trusted_proxy_are_the_clients_word() {
        assertThat(of("198.51.100.4", LOOPBACK, "203.0.113.7")).isEqualTo("198.51.100.4");
        assertThat(of("127.0.0.1", TrustedProxies.NONE, "203.0.113.7")).isEqualTo("127.0.0.1");
    }

    @Test
    void ports_and_brackets_are_dropped() {
        assertThat(of("127.0.0.1", LOOPBACK, "203.0.113.7:5678")).isEqualTo("203.0.113.7");
        assertThat(of("127.0.0.1", LOOPBACK, "[2001:db8::1]:443")).isEqualTo("2001:db8::1");
        assertThat(of("127.0.0.1", LOOPBACK, "[2001:DB8:0:0:0:0:0:1]")).isEqualTo("2001:db8::1");
        assertThat(of("203.0.113.7:5678", LOOPBACK)).isEqualTo("203.0.113.7");
        assertThat(of("[2001:db8::2]", LOOPBACK)).isEqualTo("2001:db8::2");
    }

    @Test
    void an_ipv4_mapped_ipv6_address_is_its_ipv4_address() {
        assertThat(of("::ffff:127.0.0.1", LOOPBACK, "::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(of("::ffff:198.51.100.4", LOOPBACK)).isEqualTo("198.51.100.4");
    }

    @Test
    void an_entry_that_is_no_address_ends_the_walk_at_the_trusted_hop_that_passed_it_on() {
        assertThat(of("127.0.0.1", LOOPBACK, "unknown")).isEqualTo("127.0.0.1");
        assertThat(of("127.0.0.1", LOOPBACK, "_hidden")).isEqualTo("127.0.0.1");
        assertThat(of("127.0.0.1", LOOPBACK, "")).isEqualTo("127.0.0.1");
        assertThat(of("127.0.0.1", LOOPBACK, "shop.example.com")).isEqualTo("127.0.0.1");
        assertThat(of("127.0.0.1", LOOPBACK, "fe80::1%eth0")).isEqualTo("127.0.0.1");
        assertThat(of("127.0.0.1", LOOPBACK, "203.0.113.7:99999")).isEqualTo("127.0.0.1");
        assertThat(of("127.0.0.1", LOOPBACK, "256.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(of("10.0.0.9", LAN, "203.0.113.7, garbage, 10.0.0.5")).isEqualTo("10.0.0.5");
    }

    @Test
    void without_the_header_the_peer_is_the_address() {
        assertThat(of("127.0.0.1", LOOPBACK)).isEqualTo("127.0.0.1");
        assertThat(of("::1", LOOPBACK)).isEqualTo("::1");
    }

    @Test
    void a_list_longer_than_any_real_chain_stops_at_a_trusted_hop() {
        String trustedChain = String.join(", ", java.util.Collections.nCopies(40, "127.0.0.1"));
        assertThat(of("127.0.0.1", LOOPBACK, "203.0.113.7, " + trustedChain)).isEqualTo("127.0.0.1");
    }

    @Test
    void trusted_proxies_are_cidr_networks_of_either_family() {
        TrustedProxies proxies = TrustedProxies.parse("192.0.2.0/25 2001:db8:a::/48,198.51.100.9");
        assertThat(proxies.trustsPeer("192.0.2.127")).isTrue();
        assertThat(proxies.trustsPeer("192.0.2.128")).isFalse();
        assertThat(proxies.trustsPeer("2001:db8:a:ffff::1")).isTrue();
        assertThat(proxies.trustsPeer("2001:db8:b::1")).isFalse();
        assertThat(proxies.trustsPeer("198.51.100.9")).isTrue();
        assertThat(proxies.trustsPeer("198.51.100.10")).isFalse();
        assertThat(proxies.toString()).isEqualTo("192.0.2.0/25,2001:db8:a::/48,198.51.100.9/32");
        assertThat(TrustedProxies.parse(" ").any()).isFalse();
    }

    @Test
    void a_trusted_network_that_is_no_network_is_refused() {
        for (String bad : List.of("10.0.0.0/33", "fd00::/129", "10.0.0.0/x", "proxy.example.com", "10.0.0.1:80",
                "[::1]", "10.0.0.0/8/8")) {
            assertThatThrownBy(() -> TrustedProxies.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void ipv6_text_is_rfc_5952s_short_form() {
        assertThat(IpLiteral.text(IpLiteral.parse("2001:0db8:0000:0000:0001:0000:0000:0001").orElseThrow()))
                .isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpLiteral.text(IpLiteral.parse("0:0:0:0:0:0:0:0").orElseThrow())).isEqualTo("::");
        assertThat(IpLiteral.text(IpLiteral.parse("2001:db8:0:1:1:1:1:1").orElseThrow())).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(IpLiteral.text(IpLiteral.parse("1:0:0:2:0:0:0:3").orElseThrow())).isEqualTo("1:0:0:2::3");
    }
}
