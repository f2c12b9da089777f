package io.minipass.bootstrap.observability;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The management port over real sockets: several connections at once, and none may hold it by sending nothing. */
class ManagementServerSystemTest {
    private static final String METRICS = "# TYPE up gauge\nup 1\n";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private ManagementServer start(Duration idleTimeout) {
        ManagementServer server = ManagementServer.start("127.0.0.1", 0, idleTimeout, ServiceMetrics.CONTENT_TYPE,
                () -> METRICS);
        open.add(server);
        return server;
    }

    private Socket idleConnection(ManagementServer server, String sent) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        open.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(sent.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private HttpResponse<String> get(ManagementServer server, String method, String path)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void connections_that_send_nothing_or_half_a_request_line_do_not_hold_up_a_scrape() throws Exception {
        ManagementServer server = start(ManagementServer.IDLE_TIMEOUT);
        idleConnection(server, "");
        idleConnection(server, "GET /metr");

        HttpResponse<String> scrape = get(server, "GET", "/metrics");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).isEqualTo(METRICS);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValue(ServiceMetrics.CONTENT_TYPE);
        assertThat(scrape.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(scrape.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void a_connection_that_stays_silent_is_closed_after_the_idle_timeout() throws Exception {
        ManagementServer server = start(Duration.ofMillis(500));
        Socket silent = idleConnection(server, "GET /metr");
        // Not a timing check: the read waits up to 30 s for the server to close the connection, which it must do.
        silent.setSoTimeout(30_000);
        InputStream in = silent.getInputStream();
        try {
            byte[] answer = in.readAllBytes();
            // Jetty may answer 408 before it closes; either way the connection ends
            assertThat(new String(answer, StandardCharsets.US_ASCII)).satisfiesAnyOf(
                    text -> assertThat(text).isEmpty(), text -> assertThat(text).startsWith("HTTP/1.1 408"));
        } catch (SocketTimeoutException e) {
            fail("the silent connection was still open after 30 s");
        } catch (SocketException reset) {
            // closed by a reset: closed too
        }
        assertThat(get(server, "GET", "/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void only_get_and_head_of_metrics_are_answered() throws Exception {
        ManagementServer server = start(ManagementServer.IDLE_TIMEOUT);

        HttpResponse<String> head = get(server, "HEAD", "/metrics");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        HttpResponse<String> post = get(server, "POST", "/metrics");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        HttpResponse<String> other = get(server, "GET", "/api.php?s=user/tokenuserinfo");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("this port serves GET /metrics");
    }
}
