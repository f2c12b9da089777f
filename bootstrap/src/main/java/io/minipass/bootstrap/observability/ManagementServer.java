package io.minipass.bootstrap.observability;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The management port ({@code MINIPASS_MANAGEMENT_PORT}): {@code GET /metrics} and nothing else, on a port of its
 * own that a firewall can keep off the public internet. A small Jetty server, as the API's port is: connections wait
 * on its selector, not on a thread, so one that sends nothing (or half a request) holds up no other, and is closed
 * after {@link #IDLE_TIMEOUT} (docs/operations.md#metrics).
 */
public final class ManagementServer implements AutoCloseable {
    /** A scraper sends its request at once and asks again every few seconds; Prometheus waits 10 s for an answer. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
    /** One selector, one acceptor and the handling: a scraper or two at a time. */
    private static final int MAX_THREADS = 6;

    private final Server server;
    private final ServerConnector connector;

    private ManagementServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** @param port 0: any free port */
    public static ManagementServer start(String host, int port, String contentType, Supplier<String> metrics) {
        return start(host, port, IDLE_TIMEOUT, contentType, metrics);
    }

    /** @param idleTimeout how long a connection may send nothing before it is closed */
    static ManagementServer start(String host, int port, Duration idleTimeout, String contentType,
                                  Supplier<String> metrics) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 1);
        threads.setName("minipass-management");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(idleTimeout.toMillis());
        server.addConnector(connector);
        server.setHandler(new MetricsHandler(contentType, metrics));
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException("cannot listen on the management port " + host + ":" + port, e);
        }
        return new ManagementServer(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping: nothing left to do with it
        }
    }

    /** {@code GET} or {@code HEAD /metrics}: the text; any other path 404, any other method 405. */
    private static final class MetricsHandler extends Handler.Abstract {
        private static final String PLAIN = "text/plain; charset=utf-8";
        private final String contentType;
        private final Supplier<String> metrics;

        MetricsHandler(String contentType, Supplier<String> metrics) {
            this.contentType = contentType;
            this.metrics = metrics;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String method = request.getMethod();
            boolean head = HttpMethod.HEAD.is(method);
            if (!"/metrics".equals(request.getHttpURI().getPath())) {
                answer(response, callback, 404, PLAIN, "not found: this port serves GET /metrics\n", head);
            } else if (!HttpMethod.GET.is(method) && !head) {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
                answer(response, callback, 405, PLAIN, "method not allowed\n", false);
            } else {
                answer(response, callback, 200, contentType, metrics.get(), head);
            }
            return true;
        }

        private static void answer(Response response, Callback callback, int status, String contentType, String text,
                                   boolean head) {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
        }
    }
}
