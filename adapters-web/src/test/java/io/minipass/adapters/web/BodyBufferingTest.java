package io.minipass.adapters.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies received whole before the handler sees them, in bounded memory however they are framed. */
class BodyBufferingTest {
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final AtomicInteger handled = new AtomicInteger();
    private Server server;
    private int port;

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void a_body_of_one_byte_chunks_reaches_the_handler_whole_with_its_length() throws Exception {
        BodyMemory memory = new BodyMemory(1024 * 1024);
        start(memory);

        String answer = send(chunked(10_000, true));

        assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("read 10000 bytes, Content-Length 10000, Transfer-Encoding null");
        await(() -> memory.held() == 0);
        assertThat(memory.held()).as("given back once answered").isZero();
    }

    @Test
    void a_body_holds_no_more_than_its_bytes_rounded_up_to_the_first_array() throws Exception {
        BodyMemory memory = new BodyMemory(1024 * 1024);
        start(memory);

        try (Socket socket = new Socket("127.0.0.1", port)) {
            write(socket, chunked(10_000, false));
            await(() -> memory.held() >= ReceivedBody.FIRST_CAPACITY);

            assertThat(memory.held()).isEqualTo(ReceivedBody.FIRST_CAPACITY);
        }
    }

    @Test
    void a_body_beyond_the_service_body_memory_is_refused_busy_and_reaches_nothing() throws Exception {
        BodyMemory memory = new BodyMemory(ReceivedBody.FIRST_CAPACITY + 1000);
        start(memory);

        try (Socket first = new Socket("127.0.0.1", port)) {
            write(first, chunked(10_000, false));
            await(() -> memory.held() >= ReceivedBody.FIRST_CAPACITY);

            String second = send(chunked(10_000, true));

            assertThat(second).startsWith("HTTP/1.1 200 ").containsIgnoringCase("Connection: close")
                    .endsWith("{\"msg\":\"系统繁忙，请稍后再试\",\"code\":-1,\"data\":[]}");
            assertThat(handled).hasValue(0);
            assertThat(memory.held()).isEqualTo(ReceivedBody.FIRST_CAPACITY);

            write(first, "0\r\n\r\n");
            String answer = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).endsWith("read 10000 bytes, Content-Length 10000, Transfer-Encoding null");
        }
        await(() -> memory.held() == 0);
        assertThat(memory.held()).isZero();
    }

    @Test
    void a_body_beyond_the_size_limit_gives_its_memory_back() throws Exception {
        BodyMemory memory = new BodyMemory(1024 * 1024);
        start(memory);

        String answer = send(chunked(MAX_BODY_BYTES + 1, true));

        assertThat(answer).endsWith("{\"msg\":\"请求数据过大\",\"code\":-1,\"data\":[]}");
        assertThat(handled).hasValue(0);
        await(() -> memory.held() == 0);
        assertThat(memory.held()).isZero();
    }

    private void start(BodyMemory memory) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        BodyBuffering bodies = new BodyBuffering(MAX_BODY_BYTES, Duration.ofSeconds(10), memory);
        bodies.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                handled.incrementAndGet();
                String body = Content.Source.asString(request, StandardCharsets.US_ASCII);
                Content.Sink.write(response, true, "read " + body.length() + " bytes, Content-Length "
                        + request.getHeaders().get(HttpHeader.CONTENT_LENGTH) + ", Transfer-Encoding "
                        + request.getHeaders().get(HttpHeader.TRANSFER_ENCODING), callback);
                return true;
            }
        });
        server.setHandler(bodies);
        server.start();
        port = connector.getLocalPort();
    }

    /** A POST of {@code bytes} bytes in chunks of one byte each, finished or left open. */
    private static String chunked(int bytes, boolean finish) {
        StringBuilder request = new StringBuilder("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n");
        request.append("1\r\na\r\n".repeat(bytes));
        return finish ? request.append("0\r\n\r\n").toString() : request.toString();
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            write(socket, request);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The memory is taken and given back on the server's threads, around the bytes the client sees. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
    }
}
