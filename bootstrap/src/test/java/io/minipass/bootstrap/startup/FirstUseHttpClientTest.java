package io.minipass.bootstrap.startup;

import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The platforms' HTTP client is built by its first call, not while the service starts (ADR-23). */
class FirstUseHttpClientTest {

    @Test
    void a_new_platform_client_builds_nothing_until_its_first_call_and_then_has_the_settings_it_was_given() {
        HttpClient client = PlatformHttp.newClient(Duration.ofSeconds(2));
        assertThat(client).isInstanceOf(FirstUseHttpClient.class);
        assertThat(((FirstUseHttpClient) client).built()).isFalse();

        try (StubPlatformServer platform = StubPlatformServer.start().answer(Answer.json("{\"ok\":1}"))) {
            PlatformAnswer answer = new PlatformHttp(client, Duration.ofSeconds(5))
                    .get(Platform.WEIXIN, PlatformHttp.endpoint(platform.baseUrl(), "/check", Map.of()));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"ok\":1}");
        }
        assertThat(((FirstUseHttpClient) client).built()).isTrue();
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
    void a_build_that_fails_fails_that_call_as_the_platforms_failed_call_and_the_next_call_builds_again() {
        AtomicInteger builds = new AtomicInteger();
        FirstUseHttpClient client = new FirstUseHttpClient(() -> {
            if (builds.incrementAndGet() == 1) {
                throw new UncheckedIOException(new IOException("no TLS context"));
            }
            return HttpClient.newHttpClient();
        });
        PlatformHttp http = new PlatformHttp(client, Duration.ofSeconds(5));

        try (StubPlatformServer platform = StubPlatformServer.start().answer(Answer.json("{\"ok\":1}"))) {
            URI check = PlatformHttp.endpoint(platform.baseUrl(), "/check", Map.of());
            assertThatThrownBy(() -> http.get(Platform.WEIXIN, check))
                    .isInstanceOf(PlatformCallFailedException.class);
            assertThat(client.built()).isFalse();
            assertThat(platform.received()).isEmpty();

            assertThat(http.get(Platform.WEIXIN, check).body()).isEqualTo("{\"ok\":1}");
        }
        assertThat(builds).hasValue(2);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
