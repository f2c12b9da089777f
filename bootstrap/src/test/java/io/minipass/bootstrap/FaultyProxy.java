package io.minipass.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a database, which a test switches between forwarding,
 * refusing (a dead database: live connections are cut, new ones reset at once) and stalling (a hung
 * database or a lost network: new connections are accepted and never answered, live ones stop
 * passing bytes in either direction). Going back to forwarding cuts whatever stalled, as a server
 * or a firewall would in the end, so the database rolls back what those connections left open.
 */
final class FaultyProxy implements AutoCloseable {
    enum Mode { FORWARD, REFUSE, STALL }

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile Mode mode = Mode.FORWARD;
    private volatile boolean closed;

    FaultyProxy(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "faulty-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void forward() {
        switchTo(Mode.FORWARD);
    }

    void refuse() {
        switchTo(Mode.REFUSE);
    }

    void stall() {
        switchTo(Mode.STALL);
    }

    private void switchTo(Mode next) {
        Mode previous;
        synchronized (gate) {
            previous = mode;
            mode = next;
            gate.notifyAll();
        }
        if (next == Mode.REFUSE || next == Mode.FORWARD && previous != Mode.FORWARD) {
            links.forEach(Link::close);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            try {
                switch (mode) {
                    case REFUSE -> {
                        client.setSoLinger(true, 0);
                        client.close();
                    }
                    case STALL -> links.add(new Link(client, null));
                    case FORWARD -> {
                        Socket upstream = new Socket();
                        upstream.connect(target, 2_000);
                        Link link = new Link(client, upstream);
                        links.add(link);
                        pump(link, client, upstream, "up");
                        pump(link, upstream, client, "down");
                    }
                }
            } catch (IOException e) {
                quietlyClose(client);
            }
        }
    }

    private void pump(Link link, Socket from, Socket to, String direction) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                while (true) {
                    int read = in.read(buffer);
                    if (read < 0) {
                        break;
                    }
                    awaitForwarding(link);
                    if (link.closed) {
                        break;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // cut: the link closes below
            } finally {
                link.close();
            }
        }, "faulty-proxy-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    /** While stalled, bytes already read wait here and go nowhere. */
    private void awaitForwarding(Link link) throws InterruptedException {
        synchronized (gate) {
            while (mode == Mode.STALL && !link.closed && !closed) {
                gate.wait(100);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        quietlyClose(listener);
        links.forEach(Link::close);
        synchronized (gate) {
            gate.notifyAll();
        }
    }

    private static void quietlyClose(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already gone
        }
    }

    private final class Link {
        private final Socket client;
        private final Socket upstream;
        private volatile boolean closed;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void close() {
            closed = true;
            links.remove(this);
            try {
                client.setSoLinger(true, 0);
            } catch (SocketException ignored) {
                // closed already
            }
            quietlyClose(client);
            if (upstream != null) {
                quietlyClose(upstream);
            }
        }
    }
}
