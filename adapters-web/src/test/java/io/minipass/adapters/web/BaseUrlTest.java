package io.minipass.adapters.web;

import io.javalin.Javalin;
import io.minipass.adapters.web.ApiEndpoint;
import io.minipass.adapters.web.ApiResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The base URL endpoints get over HTTP, with and without a trusted reverse proxy in front. */
class BaseUrlTest {
    private static final Pattern BASE_URL = Pattern.compile("\"base_url\":\"([^\"]*)\"");
    private static final Map<String, ApiEndpoint> ECHO = Map.of("test/echo",
            request -> ApiResult.success("echo", Map.of("base_url", request.baseUrl())));

    private Javalin app;
    private ApiClient client;

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void ignoresForwardingHeadersByDefault() {
        start(WebAppFixture.create(ECHO));

        assertThat(baseUrl("shop.example.com", "X-Forwarded-Proto: https", "X-Forwarded-Host: evil.example.com",
                "Forwarded: proto=https;host=evil.example.com")).isEqualTo("http://shop.example.com");
        assertThat(baseUrl("shop.example.com:8080", "X-Forwarded-Proto: https")).isEqualTo("http://shop.example.com:8080");
    }

    @Test
    void ignoresForwardingHeadersWhenTheProxyIsNotTrusted() {
        start(WebAppFixture.create(ECHO, false));

        assertThat(baseUrl("shop.example.com", "X-Forwarded-Proto: https", "X-Forwarded-Host: evil.example.com"))
                .isEqualTo("http://shop.example.com");
        assertThat(baseUrl("shop.example.com", "Forwarded: proto=https;host=evil.example.com"))
                .isEqualTo("http://shop.example.com");
    }

    @Test
    void answersTheRequestsOwnBaseUrlWhenATrustedProxySendsNothing() {
        start(WebAppFixture.create(ECHO, true));

        assertThat(baseUrl("shop.example.com")).isEqualTo("http://shop.example.com");
        assertThat(baseUrl("shop.example.com:8080")).isEqualTo("http://shop.example.com:8080");
        assertThat(baseUrl("127.0.0.1:" + app.port())).isEqualTo(client.baseUrl());
        assertThat(client.get("/api/test/echo").data()).containsEntry("base_url", client.baseUrl());
    }

    @ParameterizedTest(name = "{0} | {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // nginx: proxy_set_header Host $host; proxy_set_header X-Forwarded-Proto $scheme;
            "shop.example.com        | X-Forwarded-Proto: https                                    | https://shop.example.com",
            "shop.example.com:8443   | X-Forwarded-Proto: https                                    | https://shop.example.com:8443",
            "shop.example.com:443    | X-Forwarded-Proto: https                                    | https://shop.example.com",
            "shop.example.com        | X-Forwarded-Proto: HTTPS                                    | https://shop.example.com",
            "shop.example.com        | X-Forwarded-Proto: http                                     | http://shop.example.com",
            "127.0.0.1:8080          | X-Forwarded-Host: shop.example.com                          | http://shop.example.com",
            "127.0.0.1:8080          | X-Forwarded-Host: shop.example.com:8000                     | http://shop.example.com:8000",
            "127.0.0.1:8080          | X-Forwarded-Host: 203.0.113.7:8000                          | http://203.0.113.7:8000",
            "127.0.0.1:8080          | X-Forwarded-Host: [2001:db8::1]:8443                        | http://[2001:db8::1]:8443",
            "127.0.0.1:8080          | X-Forwarded-Proto: https, http                              | https://127.0.0.1:8080",
            "127.0.0.1:8080          | X-Forwarded-Host: shop.example.com, proxy.internal:8080     | http://shop.example.com",
            "127.0.0.1:8080          | Forwarded: for=192.0.2.60;proto=https;host=shop.example.com | https://shop.example.com",
            "127.0.0.1:8080          | Forwarded: Proto=HTTPS; Host=\"shop.example.com:8443\"       | https://shop.example.com:8443",
            "127.0.0.1:8080          | Forwarded: host=\"[2001:db8::1]\";proto=https, proto=http   | https://[2001:db8::1]",
            "127.0.0.1:8080          | Forwarded: for=\"[2001:db8::2];x\";proto=https               | https://127.0.0.1:8080",
            "127.0.0.1:8080          | Forwarded: ;proto=https;;host=shop.example.com              | https://shop.example.com",
    })
    void honoursTheHeadersOfATrustedProxy(String host, String header, String expected) {
        start(WebAppFixture.create(ECHO, true));

        assertThat(baseUrl(host, header)).isEqualTo(expected);
    }

    @Test
    void putsTheSchemeAndHostTogetherFromBothHeaders() {
        start(WebAppFixture.create(ECHO, true));

        assertThat(baseUrl("127.0.0.1:8080", "X-Forwarded-Proto: https", "X-Forwarded-Host: shop.example.com"))
                .isEqualTo("https://shop.example.com");
        assertThat(baseUrl("127.0.0.1:8080", "X-Forwarded-Proto: https", "X-Forwarded-Host: shop.example.com:443"))
                .isEqualTo("https://shop.example.com");
        assertThat(baseUrl("127.0.0.1:8080", "X-Forwarded-Proto: https", "X-Forwarded-Host: shop.example.com:80"))
                .isEqualTo("https://shop.example.com:80");
        assertThat(baseUrl("127.0.0.1:8080", "X-Forwarded-Proto: https", "Forwarded: host=shop.example.com"))
                .isEqualTo("https://shop.example.com");
    }

    @Test
    void prefersTheXForwardedHeadersWhichProxiesSetOverAForwardedHeaderTheyPassOn() {
        start(WebAppFixture.create(ECHO, true));

        assertThat(baseUrl("127.0.0.1:8080", "X-Forwarded-Proto: https", "X-Forwarded-Host: shop.example.com",
                "Forwarded: proto=http;host=evil.example.com")).isEqualTo("https://shop.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "javascript", "https://", "https:", "http s", "wss", "h\\ttps", ""})
    void ignoresAProtoThatIsNotHttpOrHttps(String proto) {
        start(WebAppFixture.create(ECHO, true));

        assertThat(baseUrl("shop.example.com", "X-Forwarded-Proto: " + proto)).isEqualTo("http://shop.example.com");
        assertThat(baseUrl("shop.example.com", "Forwarded: proto=" + proto)).isEqualTo("http://shop.example.com");
        assertThat(baseUrl("shop.example.com", "X-Forwarded-Proto: " + proto, "Forwarded: proto=https"))
                .as("falls back to the next header").isEqualTo("https://shop.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example.com/path", "evil.example.com:99999", "evil.example.com:0", "evil.example.com:",
            "evil.example.com:8a", "user@evil.example.com", "evil example.com", "-evil.example.com", "evil-.example.com",
            "evil..example.com", ".evil.example.com", "evil.example.com.", "evil_host.example.com", "\"evil.example.com\"",
            "[evil.example.com]", "2001:db8::1", "[2001:db8::1", "evil.example.com?x=1", "evil.example.com#x",
            "evil.example.com\\x", "<script>", "%65vil.example.com", ""})
    void ignoresAHostThatIsNotHostAndPort(String host) {
        start(WebAppFixture.create(ECHO, true));

        assertThat(baseUrl("shop.example.com", "X-Forwarded-Host: " + host)).isEqualTo("http://shop.example.com");
        assertThat(baseUrl("shop.example.com", "Forwarded: host=\"" + host.replace("\\", "\\\\").replace("\"", "\\\"") + "\""))
                .isEqualTo("http://shop.example.com");
        assertThat(baseUrl("shop.example.com", "X-Forwarded-Host: " + host, "Forwarded: host=cdn.example.com"))
                .as("falls back to the next header").isEqualTo("http://cdn.example.com");
    }

    @Test
    void ignoresAHostNameLongerThanDnsAllows() {
        start(WebAppFixture.create(ECHO, true));
        String label = "a".repeat(63);
        String longest = String.join(".", label, label, label, "a".repeat(61)); // 253 characters
        String tooLong = longest + "a";

        assertThat(baseUrl("shop.example.com", "X-Forwarded-Host: " + longest + ":8443")).isEqualTo("http://" + longest + ":8443");
        assertThat(baseUrl("shop.example.com", "X-Forwarded-Host: " + tooLong)).isEqualTo("http://shop.example.com");
        assertThat(baseUrl("shop.example.com", "X-Forwarded-Host: " + "a".repeat(64) + ".example.com"))
                .isEqualTo("http://shop.example.com");
    }

    @Test
    void ignoresAMalformedForwardedHeader() {
        start(WebAppFixture.create(ECHO, true));

        for (String forwarded : new String[] {"proto=https;host=\"shop.example.com", "proto", "=https", "proto=\"https\"x",
                "pro to=https", "proto=ht\"tps"}) {
            assertThat(baseUrl("own.example.com", "Forwarded: " + forwarded)).as(forwarded).isEqualTo("http://own.example.com");
        }
        assertThat(baseUrl("own.example.com", "Forwarded: proto=https;junk;host=shop.example.com"))
                .as("not even the pairs before a flaw count").isEqualTo("http://own.example.com");
        assertThat(baseUrl("own.example.com", "Forwarded: proto=https, proto=\"http"))
                .as("only the first element counts").isEqualTo("https://own.example.com");
    }

    @Test
    void readsAQuotedProtoOnlyInTheForwardedHeader() {
        start(WebAppFixture.create(ECHO, true));

        assertThat(baseUrl("own.example.com", "Forwarded: proto=\"https\"")).isEqualTo("https://own.example.com");
        assertThat(baseUrl("own.example.com", "Forwarded: proto=\"ht\\tps\"")).isEqualTo("https://own.example.com");
        assertThat(baseUrl("own.example.com", "X-Forwarded-Proto: \"https\"")).isEqualTo("http://own.example.com");
    }

    private void start(Javalin created) {
        app = created.start("127.0.0.1", 0);
        client = new ApiClient(app);
    }

    /** The base URL the echo endpoint got for a request with this Host and these header lines. */
    private String baseUrl(String host, String... headers) {
        StringBuilder request = new StringBuilder("GET /api/test/echo HTTP/1.1\r\nHost: ").append(host).append("\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        String answer = client.raw(request.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8));
        Matcher matcher = BASE_URL.matcher(answer);
        assertThat(matcher.find()).as(answer).isTrue();
        return matcher.group(1);
    }
}
