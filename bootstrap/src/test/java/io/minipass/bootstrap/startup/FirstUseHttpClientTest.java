package io.minipass.bootstrap.startup;

import com.sun.net.httpserver.HttpServer;
import io.minipass.adapters.platforms.common.PlatformAnswer;
import io.minipass.adapters.platforms.common.PlatformCallLimit;
import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.application.port.out.PlatformCallFailedException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The platforms' HTTP client, as the wiring makes it, is built by its first call, not while the service starts (ADR-23, ADR-46). */
class FirstUseHttpClientTest {

    @Test
    void a_new_platform_client_builds_nothing_until_its_first_call_and_then_has_the_settings_it_was_given() throws IOException {
        FirstUseHttpClient client = new FirstUseHttpClient(() -> PlatformHttp.newClient(Duration.ofSeconds(2)));
        assertThat(client.built()).isFalse();

        try (Platform platform = new Platform()) {
            PlatformAnswer answer = new PlatformHttp(client, Duration.ofSeconds(5), new PlatformCallLimit(1))
                    .get(io.minipass.domain.user.Platform.WEIXIN, PlatformHttp.endpoint(platform.baseUrl(), "/check", Map.of()));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"ok\":1}");
        }
        assertThat(client.built()).isTrue();
        assertThat(client.connectTimeout()).contains(Duration.ofSeconds(2));
        assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
        assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }

    @Test
    void calls_that_come_together_first_build_one_client() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch building = new CountDownLatch(1);
        FirstUseHttpClient client = new FirstUseHttpClient(() -> {
            builds.incrementAndGet();
            awaitQuietly(building);
            return HttpClient.newHttpClient();
        });
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpClient.Version>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(callers.submit(client::version));
            }
            Thread.sleep(100);
            building.countDown();
            for (Future<HttpClient.Version> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(HttpClient.Version.HTTP_2);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(builds).hasValue(1);
    }

    @Test
    void a_build_that_fails_fails_that_call_as_the_platforms_failed_call_and_the_next_call_builds_again() throws IOException {
        AtomicInteger builds = new AtomicInteger();
        FirstUseHttpClient client = new FirstUseHttpClient(() -> {
            if (builds.incrementAndGet() == 1) {
                throw new UncheckedIOException(new IOException("no TLS context"));
            }
            return HttpClient.newHttpClient();
        });
        PlatformHttp http = new PlatformHttp(client, Duration.ofSeconds(5), new PlatformCallLimit(1));

        try (Platform platform = new Platform()) {
            URI check = PlatformHttp.endpoint(platform.baseUrl(), "/check", Map.of());
            assertThatThrownBy(() -> http.get(io.minipass.domain.user.Platform.WEIXIN, check))
                    .isInstanceOf(PlatformCallFailedException.class);
            assertThat(client.built()).isFalse();
            assertThat(platform.received).hasValue(0);

            assertThat(http.get(io.minipass.domain.user.Platform.WEIXIN, check).body()).isEqualTo("{\"ok\":1}");
        }
        assertThat(builds).hasValue(2);
    }

    /** A platform on this machine that answers every request {@code {"ok":1}} and counts them. */
    private static final class Platform implements AutoCloseable {
        private final HttpServer server;
        final AtomicInteger received = new AtomicInteger();

        Platform() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                received.incrementAndGet();
                byte[] body = "{\"ok\":1}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        URI baseUrl() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
