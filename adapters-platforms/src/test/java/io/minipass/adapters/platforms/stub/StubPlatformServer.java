package io.minipass.adapters.platforms.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A platform played on 127.0.0.1: answers each request with the next scripted answer (or a responder's)
 * and records what it received. An unscripted request gets HTTP 599, which no adapter takes for success.
 */
public final class StubPlatformServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Responder> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** What the stub answers. */
    public record Answer(int status, String contentType, String body, Duration delay) {
        public static Answer json(String body) {
            return new Answer(200, "application/json; charset=utf-8", body, Duration.ZERO);
        }

        public Answer withStatus(int newStatus) {
            return new Answer(newStatus, contentType, body, delay);
        }

        public Answer withContentType(String newContentType) {
            return new Answer(status, newContentType, body, delay);
        }

        public Answer delayedBy(Duration newDelay) {
            return new Answer(status, contentType, body, newDelay);
        }
    }

    /** What the stub received. */
    public record Received(String method, String path, String rawQuery, String contentType, String body) {
        public Map<String, String> query() {
            return StubExchanges.decodeForm(rawQuery);
        }

        public Map<String, String> form() {
            return StubExchanges.decodeForm(body);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @FunctionalInterface
    public interface Responder {
        Answer answer(Received request);
    }

    private StubPlatformServer() throws IOException {
        server = StubExchanges.loopbackServer();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static StubPlatformServer start() {
        try {
            return new StubPlatformServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A base URL on which nothing listens: connecting is refused. */
    public static URI closedBaseUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return URI.create(StubExchanges.baseUrl(server));
    }

    /** Queues answers, one per coming request. */
    public StubPlatformServer answer(Answer... answers) {
        synchronized (script) {
            for (Answer answer : answers) {
                script.add(request -> answer);
            }
        }
        return this;
    }

    /** Queues an answer made from the request. */
    public StubPlatformServer answerWith(Responder responder) {
        synchronized (script) {
            script.add(responder);
        }
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The one request received; fails when there were none or several. */
    public Received onlyRequest() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + received.size());
        }
        return received.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = StubExchanges.body(exchange);
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Content-Type"), body);
            received.add(request);
            Responder responder;
            synchronized (script) {
                responder = script.poll();
            }
            Answer answer = responder == null
                    ? new Answer(599, "text/plain", "unexpected request", Duration.ZERO)
                    : responder.answer(request);
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
