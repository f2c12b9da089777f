package io.minipass.bootstrap.observability;

import io.minipass.bootstrap.BuildInfo;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
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
import io.minipass.adapters.persistence.MyBatisPersistence;
import io.minipass.adapters.state.SharedStateHealth;
import io.minipass.adapters.web.AnsweredRequest;
import io.minipass.adapters.web.WebObservation;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The service's metrics in one Prometheus registry: the build, HTTP requests, logins, platform calls, budget
 * refusals, the token cache, readiness, shared state, the connection pool (HikariCP's own binding) and the JVM. Names
 * are Micrometer's ({@code minipass.http.requests}); Prometheus reads them as {@code minipass_http_requests_seconds_*}.
 * Every series whose labels are known up front is registered at 0 when the service starts, so that alerts and
 * dashboards see it before its first event (docs/operations.md, "Metrics"); {@code deploy/} holds both.
 */
public final class ServiceMetrics implements AutoCloseable {
    /** Prometheus' text format 0.0.4, which every scraper reads. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Latency buckets for answers and platform calls: from a cache hit to a platform timeout. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /** Registers {@code minipass_build_info{version, commit} 1}. */
    public ServiceMetrics(BuildInfo build) {
        Gauge.builder("minipass.build.info", () -> 1)
                .description("The release and the commit this node runs; always 1")
                .tags("version", build.version(), "commit", build.commit())
                .register(registry);
    }

    /**
     * Binds the JVM's and the process's meters ({@code jvm_*}, {@code process_*}, {@code system_*}). Apart from
     * the constructor so that the start binds them while the database opens (docs/design.md, ADR-24).
     */
    public void bindJvm() {
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
    public String scrape() {
        return registry.scrape();
    }

    public WebObservation.MetricsText text() {
        return new WebObservation.MetricsText(CONTENT_TYPE, this::scrape);
    }

    /** HikariCP's own Micrometer binding: {@code hikaricp_connections_*{pool="minipass-db"}}. */
    public MetricsTrackerFactory pool() {
        return new MicrometerMetricsTrackerFactory(registry);
    }

    /** {@code minipass.http.requests{method, route, status, code}}: every answered request, with its latency. */
    public void answered(AnsweredRequest request) {
        requests(request.method(), request.route(), Integer.toString(request.status()), request.code())
                .record(request.duration());
    }

    /** Registers the successful answers of these routes at 0 (the other codes appear with their first answer). */
    public void knownRoutes(Collection<String> routes) {
        for (String route : routes) {
            for (String method : List.of("GET", "POST")) {
                requests(method, route, "200", "0");
            }
        }
    }

    private Timer requests(String method, String route, String status, String code) {
        return Timer.builder("minipass.http.requests")
                .description("Answered HTTP requests by route and envelope code")
                .tags("method", method, "route", route, "status", status, "code", code)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    /**
     * {@code minipass.logins{route, platform, outcome, reason}}.
     *
     * @param outcome returning, bound_by_unionid, bound_by_mobile, registered, registered_awaiting_audit,
     *                mobile_required, mobile_verified, unrecognized or refused
     * @param reason  why refused, else none
     */
    void login(String route, String platform, String outcome, String reason) {
        logins(route, platform, outcome, reason).increment();
    }

    /** Registers this series of {@link #login} at 0. */
    void knownLogin(String route, String platform, String outcome, String reason) {
        logins(route, platform, outcome, reason);
    }

    private Counter logins(String route, String platform, String outcome, String reason) {
        return Counter.builder("minipass.logins")
                .description("Login attempts that reached a use case, by platform and how they ended")
                .tags("route", route, "platform", platform, "outcome", outcome, "reason", reason)
                .register(registry);
    }

    /** {@code minipass.budget.refusals{attempt}}: requests refused because an attempt budget was spent. */
    void budgetRefusal(String attempt) {
        budgetRefusals(attempt).increment();
    }

    /** Registers this series of {@link #budgetRefusal} at 0. */
    void knownBudget(String attempt) {
        budgetRefusals(attempt);
    }

    private Counter budgetRefusals(String attempt) {
        return Counter.builder("minipass.budget.refusals")
                .description("Requests refused because a client address or openid spent an attempt budget")
                .tag("attempt", attempt)
                .register(registry);
    }

    /** {@code minipass.platform.calls{platform, operation, result}}, with latency. */
    void platformCall(String platform, String operation, String result, Duration duration) {
        platformCalls(platform, operation, result).record(duration);
    }

    /** Registers this series of {@link #platformCall} at 0. */
    void knownPlatformCall(String platform, String operation, String result) {
        platformCalls(platform, operation, result);
    }

    private Timer platformCalls(String platform, String operation, String result) {
        return Timer.builder("minipass.platform.calls")
                .description("Calls to the platforms' APIs by platform, operation and result")
                .tags("platform", platform, "operation", operation, "result", result)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    /**
     * {@code minipass.ready}: 1 while the database answers (the readiness route's 200), else 0; asked at each scrape,
     * within the readiness check's deadline.
     */
    public void readiness(BooleanSupplier databaseUp) {
        Gauge.builder("minipass.ready", () -> databaseUp.getAsBoolean() ? 1 : 0)
                .description("1 while this node is ready (its database answers), as GET /api/minipass/ready says")
                .register(registry);
    }

    /**
     * {@code minipass.shared.state.up{store}} (1 while the store answers) and
     * {@code minipass.shared.state.failures{store}} (commands that failed for want of it); {@code store} is
     * {@code redis} or {@code memory} (always up).
     */
    public void sharedState(String store, SharedStateHealth health) {
        Gauge.builder("minipass.shared.state.up", health, h -> h.isReachable() ? 1 : 0)
                .description("1 while the shared state's store answers, else 0")
                .tag("store", store).register(registry);
        FunctionCounter.builder("minipass.shared.state.failures", health, SharedStateHealth::failedCommands)
                .description("Commands to the shared state's store that failed (each one a request answered with an error)")
                .tag("store", store).register(registry);
    }

    /** {@code minipass.token.cache.requests{result=hit|miss}}. */
    public void tokenCache(MyBatisPersistence persistence) {
        FunctionCounter.builder("minipass.token.cache.requests", persistence, MyBatisPersistence::tokenCacheHits)
                .description("Token look-ups served from memory (hit) or from the database (miss)")
                .tag("result", "hit").register(registry);
        FunctionCounter.builder("minipass.token.cache.requests", persistence, MyBatisPersistence::tokenCacheMisses)
                .description("Token look-ups served from memory (hit) or from the database (miss)")
                .tag("result", "miss").register(registry);
    }

    /** {@code minipass.db.conflicts{outcome=retried|given_up}} (docs/design.md, ADR-52). */
    public void databaseConflicts(MyBatisPersistence persistence) {
        FunctionCounter.builder("minipass.db.conflicts", persistence, MyBatisPersistence::conflictsRetried)
                .description("Units of work the database gave up (a deadlock, a Galera certification conflict): run again"
                        + " (retried) or failed with every attempt spent (given_up)")
                .tag("outcome", "retried").register(registry);
        FunctionCounter.builder("minipass.db.conflicts", persistence, MyBatisPersistence::conflictsGivenUp)
                .description("Units of work the database gave up (a deadlock, a Galera certification conflict): run again"
                        + " (retried) or failed with every attempt spent (given_up)")
                .tag("outcome", "given_up").register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
