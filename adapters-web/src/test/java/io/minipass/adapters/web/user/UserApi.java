package io.minipass.adapters.web.user;

import io.javalin.Javalin;
import io.minipass.adapters.web.ApiClient;
import io.minipass.adapters.web.ApiEndpoint;
import io.minipass.adapters.web.ShopxoDialect;
import io.minipass.adapters.web.WebAppFixture;
import io.minipass.adapters.web.WebSettings;
import io.minipass.application.LoginSettings;
import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.Budget;
import io.minipass.application.budget.SuspectLane;
import io.minipass.application.port.out.UserDataRefusedException;
import io.minipass.application.service.LoginUseCases;
import io.minipass.application.testing.InMemoryAttemptCounter;
import io.minipass.application.testing.InMemoryLoginCodeProofs;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.application.testing.InMemoryUserStore;
import io.minipass.application.testing.InMemoryVerifiedMobiles;
import io.minipass.application.testing.TestClock;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The user routes wired as bootstrap wires them ({@link UserEndpoints}): the real application services over the
 * in-memory user store, fake platforms. Sealed profiles never open here.
 */
final class UserApi implements AutoCloseable {
    static final Instant NOW = Instant.ofEpochSecond(1637555366); // 2021-11-22 12:29:26 in Shanghai
    static final String DEFAULT_AVATAR_PATH = "/static/index/default/images/default-user-avatar.jpg";

    final InMemoryUserStore store;
    final TestClock clock = new TestClock(NOW);
    final FakeLoginCodes loginCodes = new FakeLoginCodes();
    final InMemorySessionKeys sessionKeys = new InMemorySessionKeys();
    final FakePhoneNumbers phoneNumbers = new FakePhoneNumbers();
    final InMemoryLoginCodeProofs loginCodeProofs = new InMemoryLoginCodeProofs();
    final InMemoryVerifiedMobiles verifiedMobiles = new InMemoryVerifiedMobiles();

    private LoginSettings login = LoginSettings.DEFAULT;
    private Map<Attempt, Budget> budgets = Map.of();
    private WebSettings web = WebAppFixture.defaultSettings();
    private Duration tokenLifetime = Duration.ZERO;
    private boolean trustProxyHeaders;
    private ShopxoDialect dialect = ShopxoDialect.V2;
    private Javalin app;
    private ApiClient client;

    UserApi() {
        this(new InMemoryUserStore());
    }

    /** @param store the user store, for a test that needs one that misbehaves */
    UserApi(InMemoryUserStore store) {
        this.store = store;
    }

    UserApi dialect(ShopxoDialect dialect) {
        this.dialect = dialect;
        return this;
    }

    UserApi login(LoginSettings settings) {
        this.login = settings;
        return this;
    }

    UserApi budgets(Map<Attempt, Budget> budgets) {
        this.budgets = budgets;
        return this;
    }

    UserApi web(WebSettings settings) {
        this.web = settings;
        return this;
    }

    UserApi tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
        return this;
    }

    UserApi trustProxyHeaders() {
        this.trustProxyHeaders = true;
        return this;
    }

    ApiClient start() {
        LoginUseCases useCases = LoginUseCases.create(store.ports(),
                new LoginUseCases.PlatformPorts(loginCodes, (platform, openId, data, iv) -> {
                    throw new UserDataRefusedException();
                }, phoneNumbers),
                new LoginUseCases.StatePorts(sessionKeys, loginCodeProofs, new InMemoryAttemptCounter(clock),
                        verifiedMobiles),
                login, budgets, SuspectLane.Limit.TOKEN_LOOKUPS, tokenLifetime, clock);
        Map<String, ApiEndpoint> endpoints = UserEndpoints.create(dialect, useCases, web);
        app = WebAppFixture.create(endpoints, trustProxyHeaders).start("127.0.0.1", 0);
        client = new ApiClient(app);
        return client;
    }

    /** Another client of the started app, with connections of its own. */
    ApiClient newClient() {
        return new ApiClient(app);
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }

    User stored(Platform platform, String openId) {
        return store.findLiveByOpenId(SystemType.DEFAULT, platform, new OpenId(openId)).orElseThrow();
    }

    /** A user as a shop admin would have stored it: a WeChat openid, a token, added a year before {@link #NOW}. */
    static User user(long id, String weixinOpenId, UserStatus status) {
        return user(id, new PlatformIdentities(Map.of(Platform.WEIXIN, weixinOpenId), Map.of(), ""), status, "");
    }

    static User user(long id, PlatformIdentities identities, UserStatus status, String mobile) {
        return new User(new UserId(id), identities, status, "token-" + id, "", "user " + id, mobile, "", Gender.SECRET,
                "", "", "", 0, "", 0, 0, 0, 0, NOW.getEpochSecond() - 365 * 86_400L, 0);
    }
}
