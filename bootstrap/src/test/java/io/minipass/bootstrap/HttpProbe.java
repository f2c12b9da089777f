package io.minipass.bootstrap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Asks the running service as a load balancer or a probe does: the HTTP status, the body, and how long it took. */
final class HttpProbe {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    HttpProbe(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Reply(int status, String body, long millis) {
    }

    Reply get(String path) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body(), (System.nanoTime() - start) / 1_000_000);
    }
}
