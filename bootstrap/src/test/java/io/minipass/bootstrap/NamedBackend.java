package io.minipass.bootstrap;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in behind nginx (the service, or the shop's PHP) that answers every request with its own name, the request
 * target it got as sent, and how many body bytes came: {@code minipass POST /api.php?s=user/appminiuserinfo 12}.
 */
final class NamedBackend implements AutoCloseable {
    private final HttpServer server;

    private NamedBackend(HttpServer server) {
        this.server = server;
    }

    static NamedBackend start(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            int bodyBytes = exchange.getRequestBody().readAllBytes().length;
            byte[] answer = (name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI().toString()
                    + " " + bodyBytes).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return new NamedBackend(server);
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
