package io.minipass.adapters.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The endpoints by route name and the ShopXO they answer as, given once, maybe after the server started, so
 * that the server starts while the database is still opening (docs/design.md, ADR-21). A request that comes before
 * them waits for them, for a bounded time, and is answered as busy if they do not come in that time or the start
 * failed instead.
 */
public final class Routes {
    private final CompletableFuture<Given> given = new CompletableFuture<>();
    private final Duration longestWait;

    /** The endpoints by normalized route name, and the ShopXO they answer as. */
    private record Given(Map<String, ApiEndpoint> byName, ShopxoDialect dialect) {
    }

    /**
     * Routes to be given later with {@link #supply}.
     *
     * @param longestWait how long a request may wait for them: what it may wait for the database once it runs
     */
    public Routes(Duration longestWait) {
        this.longestWait = longestWait;
    }

    /**
     * Gives the endpoints; the requests waiting for them go on.
     *
     * @param dialect the ShopXO the endpoints answer as, which picks the API document served
     * @throws IllegalArgumentException when a route name is empty or given twice
     * @throws IllegalStateException    when the routes were given, or failed, before
     */
    public void supply(Map<String, ApiEndpoint> endpoints, ShopxoDialect dialect) {
        Given routes = new Given(byRouteName(endpoints), Objects.requireNonNull(dialect, "dialect"));
        if (!given.complete(routes)) {
            throw new IllegalStateException("routes given twice");
        }
    }

    /** The start failed: the requests waiting for the routes, and any after them, are answered as busy. */
    public void fail(Throwable cause) {
        given.completeExceptionally(cause);
    }

    /**
     * The endpoint named, or null; waits until the routes are given.
     *
     * @throws IllegalStateException when the start failed, or the routes did not come within the longest wait
     */
    ApiEndpoint endpoint(String routeName) {
        return given().byName().get(routeName);
    }

    /**
     * The ShopXO the endpoints answer as; waits until the routes are given.
     *
     * @throws IllegalStateException when the start failed, or the routes did not come within the longest wait
     */
    ShopxoDialect dialect() {
        return given().dialect();
    }

    private Given given() {
        try {
            return given.get(longestWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the service is not started", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the service starts", e);
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
        return Map.copyOf(byName);
    }
}
