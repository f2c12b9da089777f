package io.minipass.bootstrap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The management port ({@code MINIPASS_MANAGEMENT_PORT}): {@code GET /metrics} and nothing else, on a port of its
 * own that a firewall can keep off the public internet. The JDK's small HTTP server, one thread: a scraper
 * asks every few seconds.
 */
final class ManagementServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService thread;

    private ManagementServer(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    /** @param port 0: any free port */
    static ManagementServer start(String host, int port, String contentType, Supplier<String> metrics) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on the management port " + host + ":" + port, e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals("/metrics")) {
                    answer(exchange, 404, "text/plain; charset=utf-8", "not found: this port serves GET /metrics\n");
                } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    answer(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
                } else {
                    answer(exchange, 200, contentType, metrics.get());
                }
            }
        });
        ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "minipass-management");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.start();
        return new ManagementServer(server, thread);
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
