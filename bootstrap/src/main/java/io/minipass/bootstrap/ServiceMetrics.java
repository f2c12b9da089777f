package io.minipass.bootstrap;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.minipass.adapters.persistence.TokenCacheCounts;
import io.minipass.adapters.web.AnsweredRequest;
import io.minipass.adapters.web.WebObservation;

import java.time.Duration;

/**
 * The service's metrics in one Prometheus registry: HTTP requests, logins, platform calls, budget refusals,
 * the token cache, the connection pool (HikariCP's own binding) and the JVM. Names are Micrometer's
 * ({@code minipass.http.requests}); Prometheus reads them as {@code minipass_http_requests_seconds_*}.
 */
final class ServiceMetrics implements AutoCloseable {
    /** Prometheus' text format 0.0.4, which every scraper reads. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Latency buckets for answers and platform calls: from a cache hit to a platform timeout. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /**
     * Binds the JVM's and the process's meters ({@code jvm_*}, {@code process_*}, {@code system_*}). Apart from
     * the constructor so that the start binds them while the database opens (docs/design.md, ADR-24).
     */
    void bindJvm() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** The registry's text, as {@code GET /metrics} answers it. */
    String scrape() {
        return registry.scrape();
    }

    WebObservation.MetricsText text() {
        return new WebObservation.MetricsText(CONTENT_TYPE, this::scrape);
    }

    /** HikariCP's own Micrometer binding: {@code hikaricp_connections_*{pool="minipass-db"}}. */
    MetricsTrackerFactory pool() {
        return new MicrometerMetricsTrackerFactory(registry);
    }

    /** {@code minipass.http.requests{method, route, status, code}}: every answered request, with its latency. */
    void answered(AnsweredRequest request) {
        Timer.builder("minipass.http.requests")
                .description("Answered HTTP requests by route and envelope code")
                .tags("method", request.method(), "route", request.route(), "status", Integer.toString(request.status()),
                        "code", request.code())
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)
                .record(request.duration());
    }

    /**
     * {@code minipass.logins{route, platform, outcome, reason}}.
     *
     * @param outcome returning, bound_by_unionid, bound_by_mobile, registered, registered_awaiting_audit,
     *                mobile_required, unrecognized or refused
     * @param reason  why refused, else none
     */
    void login(String route, String platform, String outcome, String reason) {
        Counter.builder("minipass.logins")
                .description("Login attempts that reached a use case, by platform and how they ended")
                .tags("route", route, "platform", platform, "outcome", outcome, "reason", reason)
                .register(registry)
                .increment();
    }

    /** {@code minipass.budget.refusals{attempt}}: requests refused because an attempt budget was spent. */
    void budgetRefusal(String attempt) {
        Counter.builder("minipass.budget.refusals")
                .description("Requests refused because a client address or openid spent an attempt budget")
                .tag("attempt", attempt)
                .register(registry)
                .increment();
    }

    /** {@code minipass.platform.calls{platform, operation, result}}, with latency. */
    void platformCall(String platform, String operation, String result, Duration duration) {
        Timer.builder("minipass.platform.calls")
                .description("Calls to the platforms' APIs by platform, operation and result")
                .tags("platform", platform, "operation", operation, "result", result)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)
                .record(duration);
    }

    /** {@code minipass.token.cache.requests{result=hit|miss}}. */
    void tokenCache(TokenCacheCounts counts) {
        FunctionCounter.builder("minipass.token.cache.requests", counts, TokenCacheCounts::hits)
                .description("Token look-ups served from memory (hit) or from the database (miss)")
                .tag("result", "hit").register(registry);
        FunctionCounter.builder("minipass.token.cache.requests", counts, TokenCacheCounts::misses)
                .description("Token look-ups served from memory (hit) or from the database (miss)")
                .tag("result", "miss").register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
