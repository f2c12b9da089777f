package io.minipass.bootstrap.startup;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The JDK's HTTP client, built when it is first used. Building one loads the JDK's trust store and TLS context:
 * about 0.1 s of CPU on the main thread while the service starts, for calls that come with the first login
 * (docs/design.md, ADR-23 and ADR-46). Once built, every call goes to the one client.
 */
public final class FirstUseHttpClient extends HttpClient {
    private final Supplier<HttpClient> build;
    private volatile HttpClient client;

    public FirstUseHttpClient(Supplier<HttpClient> build) {
        this.build = Objects.requireNonNull(build, "build");
    }

    /** Whether the client has been built: for tests. */
    boolean built() {
        return client != null;
    }

    private HttpClient client() {
        HttpClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = Objects.requireNonNull(build.get(), "built client");
                    client = built;
                }
            }
        }
        return built;
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return client().cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return client().connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return client().followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return client().proxy();
    }

    @Override
    public SSLContext sslContext() {
        return client().sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return client().sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return client().authenticator();
    }

    @Override
    public Version version() {
        return client().version();
    }

    @Override
    public Optional<Executor> executor() {
        return client().executor();
    }

    /**
     * A client that cannot be built (the JDK's TLS context failed to load) fails the call as an I/O failure, which
     * the platforms' {@code PlatformHttp} answers as the platform's failed call, as any other call that could not be made.
     */
    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> responseBodyHandler)
            throws IOException, InterruptedException {
        return clientForCall().send(request, responseBodyHandler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                            HttpResponse.BodyHandler<T> responseBodyHandler) {
        return sendAsync(request, responseBodyHandler, null);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                            HttpResponse.BodyHandler<T> responseBodyHandler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        try {
            return clientForCall().sendAsync(request, responseBodyHandler, pushPromiseHandler);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private HttpClient clientForCall() throws IOException {
        try {
            return client();
        } catch (RuntimeException e) {
            throw new IOException("the HTTP client could not be built", e);
        }
    }

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        return client().newWebSocketBuilder();
    }
}
