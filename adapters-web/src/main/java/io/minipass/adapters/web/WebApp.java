package io.minipass.adapters.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.minipass.adapters.web.proxy.TrustedProxies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/** The HTTP API: every path and method lands on one dispatcher that answers ShopXO's JSON envelope. */
public final class WebApp {
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

    private WebApp() {
    }

    /**
     * The one entry: every request gets an id ({@code X-Request-Id}: the client's when sane, else a new one), answered in
     * that header and put in the MDC ({@code request_id}) of every log line of the request, and one line in the access
     * log ({@code minipass.access}).
     *
     * @param routes      the endpoints by route name, which may be given after the server started: until then a
     *                    request that names a route, or the API document, waits for them
     * @param proxies     the reverse proxies whose forwarding headers count ({@link TrustedProxies#NONE}: none, a client
     *                    could send them too); the client's address is what the outermost of them saw
     * @param bodyTimeout how long a request's body may take to arrive in full after its headers; a slower one
     *                    is answered with an error and its connection closed
     * @param observation who else is told of each answered request, and the metrics route if this port serves it
     * @return the application, not started
     */
    public static Javalin create(Routes routes, TrustedProxies proxies, Duration bodyTimeout,
                                 WebObservation observation) {
        ApiDispatcher dispatcher = new ApiDispatcher(routes, MAX_BODY_BYTES, proxies);
        BodyBuffering bodies = new BodyBuffering((int) MAX_BODY_BYTES, bodyTimeout, BodyMemory.shareOfHeap(MAX_BODY_BYTES));
        bodies.setHandler(new RequestScope());
        AccessLog accessLog = new AccessLog();
        AnswerHeaders answers = new AnswerHeaders(bodies, proxies,
                accessLog.andThen(observation.answered()));
        return Javalin.create(config -> {
            observation.metrics().ifPresent(metrics -> config.routes.addHttpHandler(HandlerType.GET,
                    WebObservation.METRICS_PATH, ctx -> answerMetrics(ctx, metrics)));
            configure(config, routes, dispatcher, answers);
        });
    }

    /** Plain text for Prometheus, not an envelope: registered before the dispatcher's routes, so it wins. */
    private static void answerMetrics(Context ctx, WebObservation.MetricsText metrics) {
        RequestTrail trail = RequestTrail.of(ctx.req());
        if (trail != null) {
            trail.route(WebObservation.METRICS_ROUTE);
        }
        ctx.status(200);
        ctx.contentType(metrics.contentType());
        ctx.result(metrics.text().get());
    }

    private static void configure(JavalinConfig config, Routes routes, ApiDispatcher dispatcher, AnswerHeaders answers) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = MAX_BODY_BYTES;
        config.jetty.multipartConfig.maxTotalRequestSize(MAX_BODY_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxFileSize(MAX_BODY_BYTES, SizeUnit.BYTES);
        OpenApiRoute.register(config, routes);
        for (HandlerType method : HandlerType.commonHttp()) {
            config.routes.addHttpHandler(method, "/", dispatcher);
            config.routes.addHttpHandler(method, "/*", dispatcher);
        }
        config.routes.exception(Exception.class, (e, ctx) -> {
            JsonEnvelopeWriter.write(ctx, Failure.UNEXPECTED.answer(e, ctx.req().getRequestURI(), LOG));
        });
        // Javalin's own answers (a method it has no route for, a body it refused) become envelopes too.
        config.routes.after(ctx -> {
            if (ctx.statusCode() != 200 && !ApiDispatcher.statusChosen(ctx)) {
                JsonEnvelopeWriter.write(ctx, dispatcher.fallback(ctx));
            }
        });
        JsonErrorHandler errorHandler = new JsonErrorHandler();
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(errorHandler);
            // Javalin attaches its servlet context inside the innermost wrapper it finds here.
            server.setHandler(answers);
        });
        config.jetty.modifyServletContextHandler(context -> {
            context.setErrorHandler(errorHandler);
            // Jetty reads a multipart body's fields up to its own form limit (200,000 bytes), not the body limit.
            context.setMaxFormContentSize((int) MAX_BODY_BYTES);
        });
    }
}
