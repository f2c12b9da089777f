package io.minipass.adapters.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the API document (OpenAPI 3.1), a static resource beside this class. It is
 * no ShopXO route: it answers the document itself, not an envelope, and no other path form reaches it.
 */
public final class OpenApiRoute {
    public static final String PATH = "/openapi.json";
    static final String RESOURCE = "openapi.json";

    private OpenApiRoute() {
    }

    /** The document as served. */
    public static byte[] document() {
        try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the API document " + RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers the route; call before the dispatcher's catch-all routes so that it wins. */
    static void register(JavalinConfig config) {
        byte[] document = document();
        config.routes.addHttpHandler(HandlerType.GET, PATH, ctx -> answer(ctx, document));
    }

    private static void answer(Context ctx, byte[] document) {
        ctx.status(200);
        ctx.contentType(JsonEnvelopeWriter.CONTENT_TYPE);
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.result(document);
    }
}
