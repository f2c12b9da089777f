package io.minipass.adapters.web;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The endpoints by route name, given once: at creation, or after the server started, so that the server starts
 * while the database is still opening (docs/design.md, ADR-21). A request that comes before them waits for them,
 * and is answered as busy if the start failed instead.
 */
public final class Routes {
    private final CompletableFuture<Map<String, ApiEndpoint>> byName = new CompletableFuture<>();

    /** Routes to be given later with {@link #supply}. */
    public Routes() {
    }

    /**
     * @param endpoints by route name ({@code user/appminiuserinfo}); names are matched case-insensitively
     */
    public static Routes of(Map<String, ApiEndpoint> endpoints) {
        Routes routes = new Routes();
        routes.supply(endpoints);
        return routes;
    }

    /**
     * Gives the endpoints; the requests waiting for them go on.
     *
     * @throws IllegalArgumentException when a route name is empty or given twice
     * @throws IllegalStateException    when the routes were given, or failed, before
     */
    public void supply(Map<String, ApiEndpoint> endpoints) {
        if (!byName.complete(Map.copyOf(byRouteName(endpoints)))) {
            throw new IllegalStateException("routes given twice");
        }
    }

    /** The start failed: the requests waiting for the routes, and any after them, are answered as busy. */
    public void fail(Throwable cause) {
        byName.completeExceptionally(cause);
    }

    /** The endpoint named, or null; waits until the routes are given. */
    ApiEndpoint endpoint(String routeName) {
        try {
            return byName.join().get(routeName);
        } catch (CompletionException e) {
            throw new IllegalStateException("the service did not start", e.getCause());
        }
    }

    private static Map<String, ApiEndpoint> byRouteName(Map<String, ApiEndpoint> endpoints) {
        Map<String, ApiEndpoint> byName = new HashMap<>();
        endpoints.forEach((name, endpoint) -> {
            String route = RouteResolver.normalize(name);
            if (route.isEmpty() || byName.put(route, endpoint) != null) {
                throw new IllegalArgumentException("route name empty or given twice: " + name);
            }
        });
        return byName;
    }
}
