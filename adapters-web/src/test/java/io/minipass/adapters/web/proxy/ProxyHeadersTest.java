package io.minipass.adapters.web.proxy;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ProxyHeadersTest {

    @Test
    void readsTheFirstElementOfAForwardedHeader() {
        assertThat(ProxyHeaders.firstForwardedElement("for=192.0.2.60;Proto=https;BY=203.0.113.43, proto=http"))
                .containsExactly(entry("for", "192.0.2.60"), entry("proto", "https"), entry("by", "203.0.113.43"));
    }

    @Test
    void unquotesQuotedValuesWithTheirEscapes() {
        assertThat(ProxyHeaders.firstForwardedElement("host=\"shop.example.com:8443\";for=\"[2001:db8::1]:4711\";x=\"a\\\"b,c;d\""))
                .containsExactly(entry("host", "shop.example.com:8443"), entry("for", "[2001:db8::1]:4711"), entry("x", "a\"b,c;d"));
    }

    @Test
    void takesTheFirstOfARepeatedParameter() {
        assertThat(ProxyHeaders.firstForwardedElement("proto=https;proto=http")).containsExactly(entry("proto", "https"));
    }

    @Test
    void readsNothingFromAMalformedElement() {
        for (String malformed : new String[] {"proto", "proto=", "=https", "proto=\"https", "proto=\"https\"x", "pro to=https",
                "proto=ht\"tps", "proto=https;host", "\"proto\"=https", "proto=h ttps"}) {
            assertThat(ProxyHeaders.firstForwardedElement(malformed)).as(malformed).isEmpty();
        }
        assertThat(ProxyHeaders.firstForwardedElement(null)).isEmpty();
        assertThat(ProxyHeaders.firstForwardedElement("")).isEmpty();
        assertThat(ProxyHeaders.firstForwardedElement(", proto=https")).isEmpty();
    }

    @Test
    void prefersTheXForwardedHeadersAndFallsBackPerValue() {
        Map<String, String> headers = Map.of("X-Forwarded-Proto", "HTTPS, http", "X-Forwarded-Host", "bad/host",
                "Forwarded", "proto=http;host=\"shop.example.com:8443\"");

        ProxyHeaders proxy = ProxyHeaders.read(headers::get);

        assertThat(proxy.proto()).contains("https");
        assertThat(proxy.host()).contains(new Authority("shop.example.com", 8443));
    }

    @Test
    void readsNothingWhenThereAreNoHeaders() {
        assertThat(ProxyHeaders.read(name -> null)).isEqualTo(new ProxyHeaders(Optional.empty(), Optional.empty()));
    }

    @Test
    void parsesAnAuthorityOnlyWhenItIsHostAndPort() {
        assertThat(Authority.parse("Shop.Example.COM")).contains(new Authority("Shop.Example.COM", Authority.NO_PORT));
        assertThat(Authority.parse("203.0.113.7:65535")).contains(new Authority("203.0.113.7", 65535));
        assertThat(Authority.parse("[::ffff:192.0.2.1]:1")).contains(new Authority("[::ffff:192.0.2.1]", 1));
        assertThat(Authority.parse("localhost")).contains(new Authority("localhost", Authority.NO_PORT));
        for (String bad : new String[] {null, "", ":80", "shop:65536", "shop:00000", "shop:-1", "shop:+80", "[]", "[g::1]",
                "::1", "shop/", "sh op", "shop\r\nX: y", "shop.example.com:80:80"}) {
            assertThat(Authority.parse(bad)).as("%s", bad).isEmpty();
        }
    }

    @Test
    void leavesTheSchemesDefaultPortOut() {
        assertThat(new Authority("shop", 443).toUrlPart("https")).isEqualTo("shop");
        assertThat(new Authority("shop", 443).toUrlPart("http")).isEqualTo("shop:443");
        assertThat(new Authority("shop", 80).toUrlPart("http")).isEqualTo("shop");
        assertThat(new Authority("shop", Authority.NO_PORT).toUrlPart("https")).isEqualTo("shop");
    }
}
