package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.LogInMiniProgramUserCommand;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.LoginOutcome.LoggedIn;
import io.minipass.application.port.in.LoginOutcome.LoginKind;
import io.minipass.application.port.in.ProfileData;
import io.minipass.application.port.out.DecryptUserDataPort;
import io.minipass.application.port.out.NewUser;
import io.minipass.application.port.out.UserAccounts;
import io.minipass.application.port.out.UserDataRefusedException;
import io.minipass.application.port.out.UserStorePorts;
import io.minipass.application.testing.InMemoryLoginCodeProofs;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.application.testing.InMemoryUserStore;
import io.minipass.domain.referral.ReferralRules;
import io.minipass.domain.user.Channel;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.LoginRefusal;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.Token;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogInMiniProgramUserServiceTest {
    private static final long NOW = 1_637_555_366L;
    private static final Map<String, Object> SEED_PROFILE = Map.of("nickName", "ShopXO@纵之格", "gender", 0,
            "avatarUrl", "https://thirdwx.qlogo.cn/mmopen/vi_32/x/132", "province", "", "city", "");

    private final InMemoryUserStore store = new InMemoryUserStore();
    private final InMemoryLoginCodeProofs proofs = new InMemoryLoginCodeProofs();
    private final InMemorySessionKeys sessionKeys = new InMemorySessionKeys();
    private AttemptBudgets budgets = Fixtures.noBudgets();
    private final Map<String, Profile> decryptable = new java.util.HashMap<>();
    private final DecryptUserDataPort decrypt = (platform, openId, data, iv) -> {
        Profile opened = decryptable.get(data + "|" + iv);
        if (opened == null) {
            throw new UserDataRefusedException();
        }
        return opened;
    };

    private LogInMiniProgramUserService service(LoginSettings settings) {
        return service(settings, store);
    }

    private LogInMiniProgramUserService service(LoginSettings settings, UserAccounts accounts) {
        UserSignIn signIn = new UserSignIn(store, accounts, new TokenGenerator(), settings,
                Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
        return new LogInMiniProgramUserService(signIn, decrypt, new ReferrerResolver(store, ReferralRules.standard(),
                settings.referrerForms()),
                new ClientIdentities(proofs, settings), Fixtures.failedDecryptions(sessionKeys), budgets, settings);
    }

    /** As the web adapter reads {@code auth_data}: sealed when it holds {@code encrypted_data}, else the WeChat-style profile. */
    private static LogInMiniProgramUserCommand command(Platform platform, String openId, String unionId,
                                                       Map<String, Object> authData, String referrer) {
        ProfileData profile = authData.containsKey("encrypted_data")
                ? new ProfileData.Sealed(String.valueOf(authData.get("encrypted_data")), String.valueOf(authData.get("iv")))
                : new ProfileData.Plain(new Profile(text(authData, "nickName"), text(authData, "avatarUrl"),
                        Gender.fromPlatformCode(text(authData, "gender")), text(authData, "province"), text(authData, "city")));
        return new LogInMiniProgramUserCommand(SystemType.DEFAULT, new PlatformIdentity(platform, new OpenId(openId),
                UnionId.optional(unionId)), profile, referrer, ClientAddress.UNKNOWN);
    }

    private static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value == null ? "" : value.toString();
    }

    private static LogInMiniProgramUserCommand weixin(String openId) {
        return command(Platform.WEIXIN, openId, null, SEED_PROFILE, "0");
    }

    private User existing(long id, Platform platform, String openId, String unionId, UserStatus status) {
        return store.put(new User(new UserId(id),
                new PlatformIdentities(Map.of(platform, openId), unionId == null ? Map.of() : Map.of(platform, unionId), ""),
                status, "", "", "old", "", "", Gender.SECRET, "", "", "", 0, "", 0, 0, 0, 0, 100, 0));
    }

    @Test
    void a_new_openid_registers_a_user_with_the_profile_and_a_fresh_token() {
        LoginOutcome outcome = service(LoginSettings.DEFAULT).logIn(command(Platform.WEIXIN,
                "oB6US5SNOngn196qzb3lagEBTh6w", "o1Ang5xo5tiJD-l7Y1kY7-hT6emk", SEED_PROFILE, "0"));

        LoggedIn loggedIn = (LoggedIn) outcome;
        User user = loggedIn.user();
        assertThat(loggedIn.kind()).isEqualTo(LoginKind.REGISTERED);
        assertThat(user.nickname()).isEqualTo("ShopXO@纵之格");
        assertThat(user.gender()).isEqualTo(Gender.SECRET);
        assertThat(user.identities().openId(Platform.WEIXIN)).isEqualTo("oB6US5SNOngn196qzb3lagEBTh6w");
        assertThat(user.identities().unionId(Platform.WEIXIN)).isEqualTo("o1Ang5xo5tiJD-l7Y1kY7-hT6emk");
        assertThat(user.token()).matches("[0-9a-f]{32}");
        assertThat(user.addTime()).isEqualTo(NOW);
        assertThat(user.status()).isEqualTo(UserStatus.NORMAL);
        assertThat(store.findById(user.id())).map(User::token).contains(user.token());
    }

    @Test
    void a_returning_openid_logs_the_same_user_in_with_a_new_token_and_keeps_the_profile() {
        LogInMiniProgramUserService service = service(LoginSettings.DEFAULT);
        User first = ((LoggedIn) service.logIn(weixin("o-returning"))).user();

        LoginOutcome again = service.logIn(command(Platform.WEIXIN, "o-returning", "another-union",
                Map.of("nickName", "changed", "gender", 1), "5"));

        LoggedIn loggedIn = (LoggedIn) again;
        assertThat(loggedIn.kind()).isEqualTo(LoginKind.RETURNING);
        assertThat(loggedIn.user().id()).isEqualTo(first.id());
        assertThat(loggedIn.user().token()).matches("[0-9a-f]{32}").isNotEqualTo(first.token());
        User stored = store.findById(first.id()).orElseThrow();
        assertThat(stored.token()).isEqualTo(loggedIn.user().token());
        assertThat(stored.updTime()).isEqualTo(NOW);
        assertThat(stored.nickname()).isEqualTo("ShopXO@纵之格");
        assertThat(stored.identities().unionId(Platform.WEIXIN)).isEmpty();
        assertThat(stored.referrer()).isZero();
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void banned_unaudited_and_odd_statuses_are_refused_without_a_new_token() {
        existing(1, Platform.WEIXIN, "o-banned", null, UserStatus.BANNED);
        existing(2, Platform.WEIXIN, "o-audit", null, UserStatus.AWAITING_AUDIT);
        existing(3, Platform.WEIXIN, "o-odd", null, new UserStatus(7));
        LogInMiniProgramUserService service = service(LoginSettings.DEFAULT);

        assertThat(service.logIn(weixin("o-banned"))).isInstanceOfSatisfying(LoginOutcome.Refused.class, refused -> assertThat(refused.refusal()).isEqualTo(LoginRefusal.BANNED));
        assertThat(service.logIn(weixin("o-audit"))).isInstanceOfSatisfying(LoginOutcome.Refused.class, refused -> assertThat(refused.refusal()).isEqualTo(LoginRefusal.AWAITING_AUDIT));
        assertThat(service.logIn(weixin("o-odd"))).isInstanceOfSatisfying(LoginOutcome.Refused.class, refused -> assertThat(refused.refusal()).isEqualTo(LoginRefusal.UNKNOWN_STATUS));
        for (long id = 1; id <= 3; id++) {
            assertThat(store.findById(new UserId(id)).orElseThrow().token()).isEmpty();
        }
    }

    @Test
    void a_muted_user_may_log_in() {
        existing(4, Platform.WEIXIN, "o-muted", null, UserStatus.MUTED);
        assertThat(service(LoginSettings.DEFAULT).logIn(weixin("o-muted"))).isInstanceOf(LoggedIn.class);
    }

    @Test
    void a_new_openid_with_a_known_unionid_binds_to_that_user() {
        User holder = existing(10, Platform.WEIXIN, "o-first-app", "union-1", UserStatus.NORMAL);

        LoginOutcome outcome = service(LoginSettings.DEFAULT).logIn(command(Platform.WEIXIN, "o-second-app", "union-1", SEED_PROFILE, ""));

        LoggedIn loggedIn = (LoggedIn) outcome;
        assertThat(loggedIn.kind()).isEqualTo(LoginKind.BOUND_BY_UNIONID);
        assertThat(loggedIn.user().id()).isEqualTo(holder.id());
        assertThat(store.findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("o-second-app"))).map(User::id).contains(holder.id());
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void unionid_binding_needs_a_user_in_good_standing() {
        decryptable.put("e|i", new Profile("qq user", "", Gender.SECRET, "", ""));
        existing(11, Platform.QQ, "o-qq-1", "union-q", UserStatus.MUTED);

        LoginOutcome outcome = service(LoginSettings.DEFAULT).logIn(command(Platform.QQ, "o-qq-2", "union-q",
                Map.of("encrypted_data", "e", "iv", "i"), ""));

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Refused.class, refused -> assertThat(refused.refusal()).isEqualTo(LoginRefusal.NOT_AUDITED));
        assertThat(store.findLiveByOpenId(SystemType.DEFAULT, Platform.QQ, new OpenId("o-qq-2"))).isEmpty();
    }

    @Test
    void a_unionid_never_binds_across_platforms() {
        decryptable.put("e|i", new Profile("qq user", "", Gender.SECRET, "", ""));
        User weixin = existing(12, Platform.WEIXIN, "o-wx", "shared-union", UserStatus.NORMAL);

        LoggedIn qq = (LoggedIn) service(LoginSettings.DEFAULT).logIn(command(Platform.QQ, "o-qq", "shared-union",
                Map.of("encrypted_data", "e", "iv", "i"), ""));
        LoggedIn alipay = (LoggedIn) service(LoginSettings.DEFAULT).logIn(command(Platform.ALIPAY, "2088000000000001",
                "shared-union", Map.of("nickName", "ali"), ""));

        assertThat(qq.kind()).isEqualTo(LoginKind.REGISTERED);
        assertThat(qq.user().id()).isNotEqualTo(weixin.id());
        assertThat(alipay.kind()).isEqualTo(LoginKind.REGISTERED);
        assertThat(alipay.user().identities().unionIds()).isEmpty();
    }

    @Test
    void referrers_are_recorded_only_when_they_name_an_active_user() {
        existing(128, Platform.WEIXIN, "o-inviter", null, UserStatus.NORMAL);
        existing(129, Platform.WEIXIN, "o-banned-inviter", null, UserStatus.BANNED);
        LogInMiniProgramUserService service = service(LoginSettings.DEFAULT);

        assertThat(referrerAfter(service, "o-r1", "128")).isEqualTo(128);
        assertThat(referrerAfter(service, "o-r2", "D4459443")).isEqualTo(128);
        assertThat(referrerAfter(service, "o-r3", "d4459443")).isEqualTo(128);
        assertThat(referrerAfter(service, "o-r4", "129")).isZero();
        assertThat(referrerAfter(service, "o-r5", "999")).isZero();
        assertThat(referrerAfter(service, "o-r6", "garbage")).isZero();
        assertThat(referrerAfter(service, "o-r7", "-1")).isZero();
        assertThat(referrerAfter(service, "o-r8", "")).isZero();
        assertThat(referrerAfter(service, "o-r9", "99999999999999999999999")).isZero();
    }

    private long referrerAfter(LogInMiniProgramUserService service, String openId, String referrer) {
        return ((LoggedIn) service.logIn(command(Platform.WEIXIN, openId, null, SEED_PROFILE, referrer))).user().referrer();
    }

    @Test
    void with_registration_audit_the_new_user_waits_without_a_token() {
        LoginOutcome outcome = service(new LoginSettings(true, false, true, false)).logIn(weixin("o-audited"));

        User stored = ((LoginOutcome.RegisteredAwaitingAudit) outcome).user();
        assertThat(stored.status()).isEqualTo(UserStatus.AWAITING_AUDIT);
        assertThat(stored.token()).isEmpty();
        assertThat(store.findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("o-audited"))).isPresent();
        assertThat(service(new LoginSettings(true, false, true, false)).logIn(weixin("o-audited")))
                .isInstanceOfSatisfying(LoginOutcome.Refused.class, refused -> assertThat(refused.refusal()).isEqualTo(LoginRefusal.AWAITING_AUDIT));
    }

    @Test
    void with_mandatory_mobile_binding_nobody_is_stored() {
        existing(128, Platform.WEIXIN, "o-inviter", null, UserStatus.NORMAL);

        LoginOutcome outcome = service(new LoginSettings(false, true, true, false)).logIn(command(Platform.WEIXIN,
                "o-unbound", "u-unbound", SEED_PROFILE, "128"));

        var provisional = ((LoginOutcome.MobileBindingRequired) outcome).user();
        assertThat(provisional.identity().openId().value()).isEqualTo("o-unbound");
        assertThat(provisional.identity().unionId()).contains(new UnionId("u-unbound"));
        assertThat(provisional.profile().nickname()).isEqualTo("ShopXO@纵之格");
        assertThat(provisional.referrer()).isEqualTo(128);
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void a_sealed_profile_that_does_not_open_stores_nothing() {
        LogInMiniProgramUserService service = service(LoginSettings.DEFAULT);

        assertThatThrownBy(() -> service.logIn(command(Platform.QQ, "o-q", null, Map.of("encrypted_data", "x", "iv", "y"), "")))
                .isInstanceOf(InvalidInputException.class).hasMessage("解密失败，请重新登录");
        assertThat(store.count()).isZero();
    }

    @Test
    void encrypted_profiles_are_read_after_decryption() {
        decryptable.put("cipher|iv", new Profile("百度用户", "https://b/x.jpg", Gender.MALE, "", ""));

        User user = ((LoggedIn) service(LoginSettings.DEFAULT).logIn(command(Platform.BAIDU, "o-baidu", null,
                Map.of("encrypted_data", "cipher", "iv", "iv"), ""))).user();

        assertThat(user.nickname()).isEqualTo("百度用户");
        assertThat(user.avatar()).isEqualTo("https://b/x.jpg");
        assertThat(user.gender()).isEqualTo(Gender.MALE);
        assertThat(user.identities().openId(Platform.BAIDU)).isEqualTo("o-baidu");
    }

    @Test
    void losing_the_race_to_register_logs_into_the_winner() {
        AtomicBoolean raced = new AtomicBoolean();
        UserAccounts racingRegister = new UserAccounts() {
            @Override
            public User register(NewUser newUser) {
                if (raced.compareAndSet(false, true)) {
                    store.register(newUser); // another node wins just before us
                }
                return store.register(newUser);
            }

            @Override
            public User issueToken(User user, LoginIdentity identity, Token token, long now) {
                return store.issueToken(user, identity, token, now);
            }

            @Override
            public User bindOpenId(User user, LoginIdentity identity, Token token, long now) {
                return store.bindOpenId(user, identity, token, now);
            }

            @Override
            public User bindMobile(User user, LoginIdentity identity, String mobile, Token token, long now) {
                return store.bindMobile(user, identity, mobile, token, now);
            }
        };

        LoggedIn loggedIn = (LoggedIn) service(LoginSettings.DEFAULT, racingRegister).logIn(weixin("o-race"));

        assertThat(loggedIn.kind()).isEqualTo(LoginKind.RETURNING);
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void many_clients_logging_in_with_one_new_openid_get_one_user() throws Exception {
        LogInMiniProgramUserService service = service(LoginSettings.DEFAULT);
        int clients = 24;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LoginOutcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return service.logIn(weixin("o-crowd"));
                }));
            }
            start.countDown();
            List<UserId> ids = new ArrayList<>();
            for (Future<LoginOutcome> outcome : outcomes) {
                ids.add(((LoggedIn) outcome.get(30, TimeUnit.SECONDS)).user().id());
            }
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(store.count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void when_the_shop_requires_proof_only_openids_from_a_code_exchange_log_in() {
        LogInMiniProgramUserService strict = service(new LoginSettings(false, false, true, true));

        assertThatThrownBy(() -> strict.logIn(weixin("o-claimed"))).isInstanceOf(InvalidInputException.class)
                .hasMessage("授权已失效，请重新授权");
        assertThat(store.count()).isZero();

        proofs.record(new PlatformIdentity(Platform.WEIXIN, new OpenId("o-claimed"), Optional.empty()));
        assertThat(strict.logIn(weixin("o-claimed"))).isInstanceOf(LoggedIn.class);
        assertThatThrownBy(() -> strict.logIn(command(Platform.QQ, "o-claimed", null, Map.of("encrypted_data", "e", "iv", "i"), "")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void tokens_are_32_hex_and_distinct() {
        TokenGenerator tokens = new TokenGenerator();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(tokens.newToken().value())).isTrue();
        }
        assertThat(seen).allMatch(token -> token.matches("[0-9a-f]{32}"));
    }

    @Test
    void optional_unionid_absent_is_fine() {
        assertThat(command(Platform.WEIXIN, "o", null, SEED_PROFILE,
                null).identity().unionId()).isEqualTo(Optional.empty());
    }

    @Test
    void under_shopxo_v6s_rule_a_muted_user_is_refused_and_a_unionid_finds_a_user_refused_by_its_status() {
        LoginSettings v6 = LoginSettings.DEFAULT.asShopxoV6();
        existing(1, Platform.WEIXIN, "o-muted", null, UserStatus.MUTED);
        User unionOwner = existing(2, Platform.WEIXIN, "o-first", "u-shared", UserStatus.AWAITING_AUDIT);

        assertThat(service(v6).logIn(weixin("o-muted"))).isInstanceOfSatisfying(LoginOutcome.Refused.class, refused -> assertThat(refused.refusal()).isEqualTo(LoginRefusal.MUTED));
        assertThat(service(v6).logIn(command(Platform.WEIXIN, "o-second", "u-shared", SEED_PROFILE, "0")))
                .isInstanceOfSatisfying(LoginOutcome.Refused.class, refused -> assertThat(refused.refusal()).isEqualTo(LoginRefusal.AWAITING_AUDIT));
        assertThat(store.findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("o-second"))).isEmpty();
        assertThat(store.findById(unionOwner.id())).map(User::token).contains("");
    }

    @Test
    void the_login_goes_through_the_system_type_the_client_named() {
        LogInMiniProgramUserCommand shop2 = new LogInMiniProgramUserCommand(new SystemType("shop2"),
                new PlatformIdentity(Platform.QQ, new OpenId("o-shop2"),
                Optional.empty()), new ProfileData.Plain(Profile.EMPTY), "",
                io.minipass.application.port.in.ClientAddress.UNKNOWN);

        LoggedIn registered = (LoggedIn) service(LoginSettings.DEFAULT).logIn(shop2);
        LoggedIn returning = (LoggedIn) service(LoginSettings.DEFAULT).logIn(shop2);

        assertThat(registered.user().channel()).isEqualTo(new Channel("shop2", "qq"));
        assertThat(returning.user().channel()).isEqualTo(new Channel("shop2", "qq"));
        assertThat(returning.user().id()).isEqualTo(registered.user().id());
    }
}
