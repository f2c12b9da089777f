package io.minipass.adapters.web.user;

import io.javalin.Javalin;
import io.minipass.adapters.web.ApiClient;
import io.minipass.adapters.web.ApiEndpoint;
import io.minipass.adapters.web.WebApp;
import io.minipass.adapters.web.WebSettings;
import io.minipass.application.LoginSettings;
import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.budget.Budget;
import io.minipass.application.service.ClientIdentities;
import io.minipass.application.service.FailedDecryptions;
import io.minipass.application.testing.InMemoryAttemptCounter;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.application.service.AuthorizeMiniProgramUserService;
import io.minipass.application.service.BindMobileService;
import io.minipass.application.service.ReferrerResolver;
import io.minipass.application.service.ResumeSessionService;
import io.minipass.application.service.TokenGenerator;
import io.minipass.application.service.UserSignIn;
import io.minipass.application.testing.InMemoryLoginCodeProofs;
import io.minipass.application.testing.InMemoryUserStore;
import io.minipass.domain.referral.ReferralRules;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The session routes ({@code appminiuserauth}, {@code tokenuserinfo}, {@code onekeyusermobilebind}) wired as
 * bootstrap wires them: the real application services over the in-memory user store, fake platforms.
 */
final class UserApi implements AutoCloseable {
    static final Instant NOW = Instant.ofEpochSecond(1637555366); // 2021-11-22 12:29:26 in Shanghai
    static final String DEFAULT_AVATAR_PATH = "/static/index/default/images/default-user-avatar.jpg";

    final InMemoryUserStore store = new InMemoryUserStore();
    final MutableClock clock = new MutableClock(NOW);
    final FakeLoginCodes loginCodes = new FakeLoginCodes();
    final InMemorySessionKeys sessionKeys = new InMemorySessionKeys();
    final FakePhoneNumbers phoneNumbers = new FakePhoneNumbers();
    final InMemoryLoginCodeProofs loginCodeProofs = new InMemoryLoginCodeProofs();

    private LoginSettings login = LoginSettings.DEFAULT;
    private AttemptBudgets budgets = AttemptBudgets.unlimited(new InMemoryAttemptCounter(clock));
    private WebSettings web = WebSettings.defaults();
    private Duration tokenLifetime = Duration.ZERO;
    private boolean trustProxyHeaders;
    private Javalin app;
    private ApiClient client;

    UserApi login(LoginSettings settings) {
        this.login = settings;
        return this;
    }

    UserApi budgets(Map<Attempt, Budget> budgets) {
        this.budgets = new AttemptBudgets(new InMemoryAttemptCounter(clock), budgets);
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
        UserSignIn signIn = new UserSignIn(store, store, store, store, new TokenGenerator(), login, clock);
        ReferrerResolver referrers = new ReferrerResolver(store, ReferralRules.standard());
        UserViewMapper views = new UserViewMapper(web);
        LoginOutcomeAnswers answers = new LoginOutcomeAnswers(views);
        ClientIdentities identities = new ClientIdentities(loginCodeProofs, login);
        FailedDecryptions failedDecryptions = new FailedDecryptions(sessionKeys, budgets, login.failuresPerSessionKey());
        Map<String, ApiEndpoint> endpoints = Map.of(
                AuthorizeMiniProgramUserEndpoint.ROUTE, new AuthorizeMiniProgramUserEndpoint(
                        new AuthorizeMiniProgramUserService(loginCodes, sessionKeys, signIn, referrers, loginCodeProofs,
                                identities, budgets), answers),
                TokenUserInfoEndpoint.ROUTE, new TokenUserInfoEndpoint(
                        new ResumeSessionService(store, tokenLifetime, clock, budgets), views),
                BindMobileEndpoint.ROUTE, new BindMobileEndpoint(
                        new BindMobileService(phoneNumbers, store, store, store, signIn, referrers, identities,
                                failedDecryptions, budgets), answers));
        app = WebApp.create(endpoints, trustProxyHeaders).start("127.0.0.1", 0);
        client = new ApiClient(app);
        return client;
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }

    User stored(Platform platform, String openId) {
        return store.findLiveByOpenId(platform, new OpenId(openId)).orElseThrow();
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
