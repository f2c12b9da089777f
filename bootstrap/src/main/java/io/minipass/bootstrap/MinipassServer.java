package io.minipass.bootstrap;

import io.javalin.Javalin;
import io.minipass.adapters.persistence.DatabaseSettings;
import io.minipass.adapters.persistence.DatabaseTimeouts;
import io.minipass.adapters.persistence.MyBatisPersistence;
import io.minipass.adapters.web.ApiEndpoint;
import io.minipass.adapters.web.HealthEndpoint;
import io.minipass.adapters.web.ReadinessEndpoint;
import io.minipass.adapters.web.WebApp;
import io.minipass.adapters.web.WebSettings;
import io.minipass.adapters.web.user.AuthorizeMiniProgramUserEndpoint;
import io.minipass.adapters.web.user.BindMobileEndpoint;
import io.minipass.adapters.web.user.LogInMiniProgramUserEndpoint;
import io.minipass.adapters.web.user.LoginOutcomeAnswers;
import io.minipass.adapters.web.user.TokenUserInfoEndpoint;
import io.minipass.adapters.web.user.UserViewMapper;
import io.minipass.application.LoginSettings;
import io.minipass.application.port.out.UserStorePorts;
import io.minipass.application.service.LoginUseCases;
import io.minipass.domain.user.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The running service: the database adapter, the platform adapters, the use cases and the HTTP server, wired by hand. */
public final class MinipassServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MinipassServer.class);

    private final MyBatisPersistence persistence;
    private final StateWiring state;
    private final Javalin web;
    private final List<Platform> developmentPlatforms;

    private MinipassServer(MyBatisPersistence persistence, StateWiring state, Javalin web, List<Platform> developmentPlatforms) {
        this.persistence = persistence;
        this.state = state;
        this.web = web;
        this.developmentPlatforms = developmentPlatforms;
    }

    public static MinipassServer start(MinipassConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static MinipassServer start(MinipassConfig config, Clock clock) {
        MinipassConfig.DatabaseConfig db = config.database();
        StateWiring state = StateWiring.create(config);
        MyBatisPersistence persistence;
        try {
            persistence = MyBatisPersistence.open(new DatabaseSettings(db.url(), db.user(), db.password(),
                    db.tablePrefix(), db.poolSize(), new DatabaseTimeouts(db.connectTimeout(), db.queryTimeout(), db.poolWait())));
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
        try {
            PlatformWiring platforms = new PlatformWiring(config.platforms(), config.profile(), state.sessionKeys);
            Map<String, ApiEndpoint> endpoints = new HashMap<>(endpoints(config, clock,
                    persistence.userStorePorts(config.shop().tokenCacheTtl(), state.replacedTokens), platforms, state));
            endpoints.put(HealthEndpoint.ROUTE, new HealthEndpoint(persistence::isReachable));
            endpoints.put(ReadinessEndpoint.ROUTE, new ReadinessEndpoint(persistence::isReachable));
            Javalin web = WebApp.create(endpoints, config.trustProxyHeaders(), config.bodyTimeout());
            web.start(config.host(), config.port());
            log.info("minipass serves on {}:{} ({} profile, database {}, {})", config.host(), web.port(),
                    config.profile().name().toLowerCase(), DatabaseUrls.masked(db.url()), state.description);
            return new MinipassServer(persistence, state, web, platforms.developmentPlatforms);
        } catch (RuntimeException e) {
            persistence.close();
            state.close();
            throw e;
        }
    }

    private static Map<String, ApiEndpoint> endpoints(MinipassConfig config, Clock clock, UserStorePorts users,
                                                      PlatformWiring platforms, StateWiring state) {
        MinipassConfig.ShopConfig shop = config.shop();
        SecurityConfig security = config.security();
        LoginSettings loginSettings = new LoginSettings(shop.registrationAudit(), shop.mandatoryBindMobile(),
                config.platforms().weixinAutoRegister(), security.requireLoginProof(), platforms.loginPlatforms,
                security.failuresPerSessionKey());
        LoginUseCases useCases = LoginUseCases.create(users,
                new LoginUseCases.PlatformPorts(platforms.loginGateways, platforms.decryptor, platforms.phoneNumbers),
                new LoginUseCases.StatePorts(state.sessionKeys, state.loginProofs, state.attempts),
                loginSettings, security.budgets(), shop.tokenLifetime(), clock);
        UserViewMapper views = new UserViewMapper(
                new WebSettings(shop.timeZone(), shop.defaultAvatar(), shop.mandatoryBindMobile()));
        LoginOutcomeAnswers answers = new LoginOutcomeAnswers(views);
        return Map.of(
                LogInMiniProgramUserEndpoint.ROUTE, new LogInMiniProgramUserEndpoint(useCases.logIn(), answers),
                AuthorizeMiniProgramUserEndpoint.ROUTE, new AuthorizeMiniProgramUserEndpoint(useCases.authorize(), answers),
                TokenUserInfoEndpoint.ROUTE, new TokenUserInfoEndpoint(useCases.resumeSession(), views),
                BindMobileEndpoint.ROUTE, new BindMobileEndpoint(useCases.bindMobile(), answers));
    }

    public int port() {
        return web.port();
    }

    /** The platforms the development gateway serves (no network, fake openids); empty in production. */
    public List<Platform> developmentPlatforms() {
        return developmentPlatforms;
    }

    @Override
    public void close() {
        web.stop();
        state.close();
        persistence.close();
    }
}
