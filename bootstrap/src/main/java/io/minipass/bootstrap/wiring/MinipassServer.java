package io.minipass.bootstrap.wiring;

import io.minipass.bootstrap.BuildInfo;
import io.minipass.bootstrap.config.DatabaseUrls;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.config.ObservabilityConfig;
import io.minipass.bootstrap.config.SecurityConfig;
import io.minipass.bootstrap.observability.LoggedUseCases;
import io.minipass.bootstrap.observability.LoginEventLog;
import io.minipass.bootstrap.observability.ManagementServer;
import io.minipass.bootstrap.observability.MeasuredPlatformCalls;
import io.minipass.bootstrap.observability.MeasuredUseCases;
import io.minipass.bootstrap.observability.ServiceMetrics;
import io.minipass.bootstrap.startup.JettyCacheLine;
import io.minipass.bootstrap.startup.StartingPart;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import io.javalin.Javalin;
import io.minipass.adapters.persistence.DatabaseSettings;
import io.minipass.adapters.persistence.MyBatisPersistence;
import io.minipass.adapters.web.ApiEndpoint;
import io.minipass.adapters.web.GracefulStop;
import io.minipass.adapters.web.HealthEndpoint;
import io.minipass.adapters.web.ReadinessEndpoint;
import io.minipass.adapters.web.Routes;
import io.minipass.adapters.web.WebApp;
import io.minipass.adapters.web.WebObservation;
import io.minipass.adapters.web.ShopxoDialect;
import io.minipass.adapters.web.WebSettings;
import io.minipass.adapters.web.user.UserEndpoints;
import io.minipass.application.LoginSettings;
import io.minipass.application.port.out.UserStorePorts;
import io.minipass.application.service.LoginUseCases;
import io.minipass.domain.user.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** The running service: the database adapter, the platform adapters, the use cases and the HTTP server, wired by hand. */
public final class MinipassServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MinipassServer.class);

    private final ShutdownSequence shutdown;
    private final Javalin web;
    private final List<Platform> developmentPlatforms;
    private final Set<String> routes;
    private final ManagementServer management;

    private MinipassServer(ShutdownSequence shutdown, Javalin web, List<Platform> developmentPlatforms, Set<String> routes,
                           ManagementServer management) {
        this.shutdown = shutdown;
        this.web = web;
        this.developmentPlatforms = developmentPlatforms;
        this.routes = routes;
        this.management = management;
    }

    public static MinipassServer start(MinipassConfig config) {
        JettyCacheLine.tellJetty();
        Clock clock = Clock.systemUTC();
        MinipassConfig.DatabaseConfig db = config.database();
        config.security().openidOnlyLogins(config.platforms()).ifPresent(danger -> log.warn("*** {} ***", danger));
        DatabaseSettings settings = db.settings();
        BuildInfo build = BuildInfo.ofThisJar();
        ServiceMetrics metrics = new ServiceMetrics(build);
        MetricsTrackerFactory poolMetrics = metrics.pool();
        // Each part joins the sequence as it opens: a stop, or a start that fails, closes them in the reverse order,
        // the HTTP server first (finishing the requests in flight), then what they use.
        ShutdownSequence opened = new ShutdownSequence().add("metrics", metrics);
        // The database is opened and migrated on a thread of its own while the rest is wired and the HTTP server
        // starts; requests that come before it wait for the routes (docs/design.md, ADR-18 and ADR-21).
        StartingPart<MyBatisPersistence> opening = StartingPart.begin("database", () -> {
            EmbeddedDatabaseFiles.ownerOnly(db.url());
            return MyBatisPersistence.open(settings, poolMetrics);
        });
        opened.add("database pool", () -> opening.closeWhenBuilt(MyBatisPersistence::close));
        // A request waits for the database's opening no longer than it would wait for a connection.
        Routes routes = new Routes(db.poolWait());
        try {
            metrics.bindJvm();
            StateWiring state = StateWiring.create(config);
            opened.add("shared state", state);
            PlatformWiring platforms = new PlatformWiring(config.platforms(), config.profile(), state.sessionKeys);
            ObservabilityConfig observability = config.observability();
            ManagementServer management = null;
            if (observability.managementPort().isPresent()) {
                management = ManagementServer.start(observability.managementHost(),
                        observability.managementPort().getAsInt(), ServiceMetrics.CONTENT_TYPE, metrics::scrape);
                opened.add("management port", management);
            }
            Javalin web = WebApp.create(routes, config.trustedProxies(), config.bodyTimeout(), new WebObservation(
                    metrics::answered, observability.metricsOnApiPort() ? Optional.of(metrics.text()) : Optional.empty()));
            opened.add("HTTP server", web::stop);
            web.start(config.host(), config.port());
            MyBatisPersistence persistence = opening.await();
            metrics.tokenCache(persistence);
            metrics.databaseConflicts(persistence);
            // The shop's tables decide which ShopXO the service answers as (docs/design.md, ADR-27).
            ShopxoDialect dialect = persistence.layout().equals("v6") ? ShopxoDialect.V6 : ShopxoDialect.V2;
            Map<String, ApiEndpoint> endpoints = new HashMap<>(endpoints(config, clock, dialect,
                    persistence.userStorePorts(config.shop().tokenCacheTtl(), state.evictions::publish,
                            state.evictions::subscribe), platforms, state, metrics));
            endpoints.put(HealthEndpoint.ROUTE, new HealthEndpoint(persistence::isReachable));
            endpoints.put(ReadinessEndpoint.ROUTE, new ReadinessEndpoint(persistence::isReachable));
            metrics.knownRoutes(endpoints.keySet());
            metrics.readiness(persistence::isReachable);
            metrics.sharedState(state.store, state.health);
            routes.supply(endpoints, dialect);
            GracefulStop.allow(web, config.shutdownGrace());
            log.info("{} serves on {}:{} ({} profile, database {} with the tables of {}, {}); metrics on {}",
                    build.describe(), config.host(), web.port(), config.profile().name().toLowerCase(), DatabaseUrls.masked(db.url()),
                    persistence.layoutReleases(), state.description,
                    metricsServedAt(config.observability(), management));
            return new MinipassServer(opened, web, platforms.developmentPlatforms, Set.copyOf(endpoints.keySet()),
                    management);
        } catch (RuntimeException e) {
            routes.fail(e);
            opened.undo();
            throw e;
        }
    }

    /** Where {@code /metrics} answers, for the start-up line. */
    private static String metricsServedAt(ObservabilityConfig observability, ManagementServer management) {
        List<String> places = new ArrayList<>();
        if (management != null) {
            places.add(observability.managementHost() + ":" + management.port() + "/metrics");
        }
        if (observability.metricsOnApiPort()) {
            places.add("this port's /metrics");
        }
        return places.isEmpty() ? "nowhere (set MINIPASS_MANAGEMENT_PORT)" : String.join(" and ", places);
    }

    /** @param dialect which ShopXO the service answers as, and whose rules of who may log in it keeps */
    private static Map<String, ApiEndpoint> endpoints(MinipassConfig config, Clock clock, ShopxoDialect dialect,
                                                      UserStorePorts users, PlatformWiring platforms, StateWiring state,
                                                      ServiceMetrics metrics) {
        MinipassConfig.ShopConfig shop = config.shop();
        SecurityConfig security = config.security();
        LoginSettings shopxoV2Settings = new LoginSettings(shop.registrationAudit(), shop.mandatoryBindMobile(),
                config.platforms().weixinAutoRegister(), security.requireLoginProof(), platforms.loginPlatforms,
                security.failuresPerSessionKey());
        LoginSettings loginSettings = dialect == ShopxoDialect.V6 ? shopxoV2Settings.asShopxoV6() : shopxoV2Settings;
        MeasuredPlatformCalls platformCalls = new MeasuredPlatformCalls(metrics);
        LoginUseCases measured = new MeasuredUseCases(metrics).measure(LoginUseCases.create(users,
                new LoginUseCases.PlatformPorts(platformCalls.exchange(platforms.loginGateways), platforms.sealedProfiles,
                        platformCalls.phoneNumbers(platforms.phoneNumbers)),
                new LoginUseCases.StatePorts(state.sessionKeys, state.loginProofs, state.attempts, state.verifiedMobiles),
                loginSettings, security.budgets(), security.suspectTokenLookups(), shop.tokenLifetime(), clock));
        LoginUseCases useCases = config.observability().loginEvents()
                ? new LoggedUseCases(new LoginEventLog()).log(measured) : measured;
        return UserEndpoints.create(dialect, useCases,
                new WebSettings(shop.timeZone(), shop.defaultAvatar(), shop.mandatoryBindMobile()));
    }

    public int port() {
        return web.port();
    }

    /** The platforms the development gateway serves (no network, fake openids); empty in production. */
    public List<Platform> developmentPlatforms() {
        return developmentPlatforms;
    }

    /** The management port serving {@code /metrics}; empty when {@code /metrics} is on the API's port. */
    public OptionalInt managementPort() {
        return management == null ? OptionalInt.empty() : OptionalInt.of(management.port());
    }

    /** The routes this server answers ({@code user/appminiuserinfo}, ...), as wired; any other answers -1000. */
    public Set<String> routes() {
        return routes;
    }

    /**
     * Stops accepting, finishes the requests in flight (up to {@code MINIPASS_SHUTDOWN_GRACE}), then closes the
     * database pool and whatever else the wiring opened.
     */
    @Override
    public void close() {
        shutdown.run();
    }
}
