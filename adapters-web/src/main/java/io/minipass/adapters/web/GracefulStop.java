package io.minipass.adapters.web;

import io.javalin.Javalin;
import org.eclipse.jetty.server.Server;

import java.time.Duration;

/**
 * Lets {@link Javalin#stop()} finish the requests in flight: Jetty's graceful stop closes the listening socket
 * first (a new connection is refused), answers the requests it has, closes idle connections after a second, and
 * waits up to the grace for the rest before it closes what is left.
 */
public final class GracefulStop {
    private GracefulStop() {
    }

    /**
     * @param app   a started application
     * @param grace the longest a stop waits for requests in flight; zero stops at once, cutting them off
     */
    public static void allow(Javalin app, Duration grace) {
        Server server = app.jettyServer().server();
        server.setStopTimeout(grace.toMillis());
    }
}
