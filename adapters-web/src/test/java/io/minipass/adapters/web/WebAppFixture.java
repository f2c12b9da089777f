package io.minipass.adapters.web;

import io.javalin.Javalin;
import io.minipass.adapters.web.proxy.TrustedProxies;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API as the tests build it: {@link WebApp#create}, the one production entry, with the defaults a test does
 * not care about (ShopXO v2.2, no proxies trusted, a 10 s body timeout, only the access log told).
 */
public final class WebAppFixture {
    public static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);

    private WebAppFixture() {
    }

    /** The application for clients that reach it directly, not started. */
    public static Javalin create(Map<String, ApiEndpoint> endpoints) {
        return create(endpoints, false);
    }

    /** @param trustProxyHeaders trust the forwarding headers of a proxy on this machine ({@link TrustedProxies#LOOPBACK}) */
    public static Javalin create(Map<String, ApiEndpoint> endpoints, boolean trustProxyHeaders) {
        return create(routes(endpoints), trustProxyHeaders);
    }

    public static Javalin create(Routes routes, boolean trustProxyHeaders) {
        return WebApp.create(routes, trustProxyHeaders ? TrustedProxies.LOOPBACK : TrustedProxies.NONE, BODY_TIMEOUT,
                accessLogOnly());
    }

    public static Javalin create(Map<String, ApiEndpoint> endpoints, WebObservation observation) {
        return WebApp.create(routes(endpoints), TrustedProxies.NONE, BODY_TIMEOUT, observation);
    }

    /** Endpoints given at once, answering as ShopXO v2.2. */
    public static Routes routes(Map<String, ApiEndpoint> endpoints) {
        return routes(endpoints, ShopxoDialect.V2);
    }

    public static Routes routes(Map<String, ApiEndpoint> endpoints, ShopxoDialect dialect) {
        Routes routes = new Routes(Duration.ZERO);
        routes.supply(endpoints, dialect);
        return routes;
    }

    /** Nobody is told, no metrics route: only the access log. */
    public static WebObservation accessLogOnly() {
        return new WebObservation(request -> {
        }, Optional.empty());
    }

    /** Asia/Shanghai, ShopXO's default avatar, no mandatory mobile. */
    public static WebSettings defaultSettings() {
        return new WebSettings(WebSettings.SHOP_TIME_ZONE, "", false);
    }
}
