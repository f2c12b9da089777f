package io.minipass.adapters.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /openapi.json}: the API document (OpenAPI 3.1) of the ShopXO the routes answer as, a static resource
 * beside this class. It is no ShopXO route: it answers the document itself, not an envelope, and no other path form
 * reaches it.
 */
public final class OpenApiRoute {
    public static final String PATH = "/openapi.json";
    static final String RESOURCE = "openapi.json";
    static final String V6_RESOURCE = "openapi-v6.json";

    private OpenApiRoute() {
    }

    /** The document served for endpoints that answer as this ShopXO. */
    public static byte[] document(ShopxoDialect dialect) {
        String resource = switch (dialect) {
            case V2 -> RESOURCE;
            case V6 -> V6_RESOURCE;
        };
        try (InputStream in = OpenApiRoute.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the API document " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Registers the route; call before the dispatcher's catch-all routes so that it wins. Which document it answers
     * is known only once the routes are given (docs/design.md, ADR-21): until then a request waits for them as one
     * that names a route does, and is answered as busy if they do not come.
     */
    static void register(JavalinConfig config, Routes routes) {
        Map<ShopxoDialect, byte[]> documents = new ConcurrentHashMap<>();
        config.routes.addHttpHandler(HandlerType.GET, PATH, ctx -> answer(ctx, routes, documents));
    }

    private static void answer(Context ctx, Routes routes, Map<ShopxoDialect, byte[]> documents) {
        ShopxoDialect dialect;
        try {
            dialect = routes.dialect();
        } catch (IllegalStateException notStarted) {
            JsonEnvelopeWriter.write(ctx, ApiResult.failed(Failure.SYSTEM_BUSY));
            return;
        }
        byte[] document = documents.computeIfAbsent(dialect, OpenApiRoute::document);
        ctx.status(200);
        ctx.contentType(JsonEnvelopeWriter.CONTENT_TYPE);
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.result(document);
    }
}
