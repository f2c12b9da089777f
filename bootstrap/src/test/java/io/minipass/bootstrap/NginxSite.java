package io.minipass.bootstrap;

import org.junit.jupiter.api.Assumptions;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The shipped {@code deploy/nginx-minipass.conf} run by a private nginx (its own prefix, logs and a fresh self-signed
 * certificate in a temporary directory, in the foreground), rewritten only for its listen ports, upstream addresses,
 * certificate and log paths, plus whatever a test asks for. Skips the test when nginx or openssl is not installed.
 */
final class NginxSite implements AutoCloseable {
    private static final Path SITE = Path.of("..", "deploy", "nginx-minipass.conf");

    private final Process nginx;
    private final Path logs;
    private final int httpsPort;

    private NginxSite(Process nginx, Path logs, int httpsPort) {
        this.nginx = nginx;
        this.logs = logs;
        this.httpsPort = httpsPort;
    }

    /**
     * @param minipass the service's address for {@code upstream minipass}
     * @param shop     the shop's address for {@code upstream shopxo_php}
     * @param change   a further change to the site's text, e.g. a lower rate
     */
    static NginxSite start(Path dir, InetSocketAddress minipass, InetSocketAddress shop, UnaryOperator<String> change)
            throws IOException, InterruptedException {
        String nginxBin = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : onPath("nginx");
        String openssl = onPath("openssl");
        Assumptions.assumeTrue(nginxBin != null, "nginx is not installed (apt-get install nginx): the site is not run");
        Assumptions.assumeTrue(openssl != null, "openssl is not installed: no certificate for the site");
        Path tls = Files.createDirectories(dir.resolve("tls"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        run(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=shop.example.com",
                "-keyout", tls.resolve("privkey.pem").toString(), "-out", tls.resolve("fullchain.pem").toString());
        int httpPort = freePort();
        int httpsPort = freePort();
        String site = change.apply(Files.readString(SITE))
                .replace("/etc/ssl/minipass/", tls + "/")
                .replace("/var/log/nginx/", logs + "/")
                .replace("listen [::]:80;", "")
                .replace("listen [::]:443 ssl http2;", "")
                .replace("listen 80;", "listen 127.0.0.1:" + httpPort + ";")
                .replace("listen 443 ssl http2;", "listen 127.0.0.1:" + httpsPort + " ssl http2;")
                .replace("server 127.0.0.1:8080", "server " + address(minipass))
                .replace("server 127.0.0.1:8000", "server " + address(shop));
        Files.writeString(dir.resolve("minipass.conf"), site);
        String mime = Files.exists(Path.of("/etc/nginx/mime.types")) ? "include /etc/nginx/mime.types;" : "";
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                master_process off;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log;
                events { worker_connections 64; }
                http {
                    %2$s
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/minipass.conf;
                }
                """.formatted(dir, mime));
        Process nginx = new ProcessBuilder(nginxBin, "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        NginxSite started = new NginxSite(nginx, logs, httpsPort);
        started.awaitListening(dir);
        return started;
    }

    /** One request over TLS as written (the target is sent byte for byte); the status line and the body. */
    Answer send(String method, String target, String body) throws IOException, GeneralSecurityException {
        try (SSLSocket socket = (SSLSocket) trustingAll().getSocketFactory().createSocket("127.0.0.1", httpsPort)) {
            socket.setSoTimeout(10_000);
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + target + " HTTP/1.1\r\nHost: shop.example.com\r\nConnection: close\r\n"
                    + (body.isEmpty() ? "" : "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                    + content.length + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String statusLine = answer.substring(0, answer.indexOf("\r\n"));
            return new Answer(Integer.parseInt(statusLine.split(" ")[1]), split < 0 ? "" : answer.substring(split + 4));
        }
    }

    String accessLog() throws IOException {
        return log("minipass.access.log");
    }

    String errorLog() throws IOException {
        return log("error.log");
    }

    private String log(String name) throws IOException {
        Path log = logs.resolve(name);
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        nginx.destroy();
        if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
            nginx.destroyForcibly().waitFor();
        }
    }

    record Answer(int status, String body) {
    }

    private void awaitListening(Path dir) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!nginx.isAlive()) {
                throw new IllegalStateException("nginx stopped: " + Files.readString(dir.resolve("nginx.out")));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", httpsPort), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen: " + Files.readString(dir.resolve("nginx.out")));
    }

    private static SSLContext trustingAll() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }

    private static String address(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return Path.of(dir, command).toString();
            }
        }
        return null;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        InputStream output = process.getInputStream();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        output.transferTo(text);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + text);
        }
    }
}
