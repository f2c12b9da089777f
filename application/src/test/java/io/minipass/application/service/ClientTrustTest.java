package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.budget.Budget;
import io.minipass.application.port.in.AuthorizationOutcome;
import io.minipass.application.port.in.AuthorizeMiniProgramUserCommand;
import io.minipass.application.port.in.BindMobileCommand;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.LogInMiniProgramUserCommand;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.LoginOutcome.LoggedIn;
import io.minipass.application.port.in.LoginOutcome.LoginKind;
import io.minipass.application.port.in.OverBudgetException;
import io.minipass.application.port.in.ProfileData;
import io.minipass.application.port.in.TokenLookup;
import io.minipass.application.port.in.UnprovenIdentityException;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.LoginSession;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.application.testing.InMemoryAttemptCounter;
import io.minipass.application.testing.InMemoryLoginCodeProofs;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.application.testing.InMemoryUserStore;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.PhoneProof;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client decides nothing about identity: proofs, unionids, served platforms and attempt budgets. */
class ClientTrustTest {
    private static final String UNPROVEN = "授权已失效，请重新授权";
    private static final ClientAddress ATTACKER = new ClientAddress("203.0.113.7");
    private static final Profile PROFILE = new Profile("访客", "", Gender.SECRET, "", "");
    private static final String MOBILE = "13800138000";
    private static final LoginSettings PROOF_REQUIRED = new LoginSettings(false, false, true, true);

    private final InMemoryUserStore store = new InMemoryUserStore();
    private final InMemoryLoginCodeProofs proofs = new InMemoryLoginCodeProofs();
    private final InMemorySessionKeys sessionKeys = new InMemorySessionKeys();
    private final AtomicInteger exchanges = new AtomicInteger();
    private final ExchangeLoginCodePort platform = (platform, code) -> {
        exchanges.incrementAndGet();
        return new LoginSession(new PlatformIdentity(platform, new OpenId("o-" + code),
                UnionId.optional(code.startsWith("u") ? "u-" + code : null)),
                "key-" + code, Optional.empty());
    };
    private String vouched = MOBILE;
    private final VerifyPhoneNumberPort phones = (platform, openId, proof) -> vouched;
    private LoginSettings settings = PROOF_REQUIRED;
    private AttemptBudgets budgets = Fixtures.noBudgets();

    private LoginOutcome logIn(Platform platform, String openId, String clientUnionId, ClientAddress from) {
        return new LogInMiniProgramUserService(Fixtures.signIn(store, settings), (p, o, d, i) -> Profile.EMPTY,
                Fixtures.referrers(store), new ClientIdentities(proofs, settings), Fixtures.failedDecryptions(sessionKeys),
                budgets, settings).logIn(new LogInMiniProgramUserCommand(SystemType.DEFAULT,
                        new PlatformIdentity(platform, new OpenId(openId),
                        UnionId.optional(clientUnionId)), new ProfileData.Plain(PROFILE), "", from));
    }

    private LoginOutcome logIn(String openId, String clientUnionId) {
        return logIn(Platform.WEIXIN, openId, clientUnionId, ATTACKER);
    }

    private AuthorizationOutcome authorize(Platform on, String code, ClientAddress from) {
        return new AuthorizeMiniProgramUserService(platform, sessionKeys, Fixtures.signIn(store, settings),
                Fixtures.referrers(store), proofs, new ClientIdentities(proofs, settings), budgets, settings)
                .authorize(new AuthorizeMiniProgramUserCommand(SystemType.DEFAULT, on, code, "", from));
    }

    private LoginOutcome bindMobile(String openId) {
        return new BindMobileService(phones, store, Fixtures.signIn(store, settings), Fixtures.referrers(store),
                new ClientIdentities(proofs, settings), Fixtures.tokenProofs(store), Fixtures.failedDecryptions(sessionKeys),
                budgets)
                .bindMobile(new BindMobileCommand(SystemType.DEFAULT, new PlatformIdentity(Platform.WEIXIN,
                        new OpenId(openId), Optional.empty()),
                        new Profile("新用户", "", Gender.SECRET, "", ""), "", new PhoneProof("code", "",
                                ""), ATTACKER, ""));
    }

    private User victim() {
        return store.put(new User(new UserId(7), new PlatformIdentities(Map.of(Platform.WEIXIN, "o-victim"),
                Map.of(Platform.WEIXIN, "u-victim"), ""), UserStatus.NORMAL, "", "", "victim", MOBILE, "",
                Gender.SECRET, "", "", "", 0, "", 0, 0, 0, 0, 100, 0));
    }

    private void proven(String openId, String unionId) {
        proofs.record(new PlatformIdentity(Platform.WEIXIN, new OpenId(openId), UnionId.optional(unionId)));
    }

    @Test
    void a_made_up_openid_logs_nobody_in_when_proof_is_required() {
        victim();

        assertThatThrownBy(() -> logIn("o-victim", null)).isInstanceOf(UnprovenIdentityException.class).hasMessage(UNPROVEN);
        assertThatThrownBy(() -> bindMobile("o-victim")).isInstanceOf(InvalidInputException.class).hasMessage(UNPROVEN);
        assertThat(store.findById(new UserId(7))).map(User::token).contains("");
    }

    @Test
    void a_client_sent_unionid_binds_nobody_when_the_platform_gave_another() {
        victim();
        proven("o-attacker", null);

        LoggedIn loggedIn = (LoggedIn) logIn("o-attacker", "u-victim");

        assertThat(loggedIn.kind()).isEqualTo(LoginKind.REGISTERED);
        assertThat(loggedIn.user().id()).isNotEqualTo(new UserId(7));
        assertThat(loggedIn.user().identities().unionId(Platform.WEIXIN)).isEmpty();
    }

    @Test
    void the_unionid_the_platform_gave_binds_whatever_the_client_says() {
        victim();
        proven("o-second-app", "u-victim");

        LoggedIn loggedIn = (LoggedIn) logIn("o-second-app", "u-something-else");

        assertThat(loggedIn.kind()).isEqualTo(LoginKind.BOUND_BY_UNIONID);
        assertThat(loggedIn.user().id()).isEqualTo(new UserId(7));
    }

    @Test
    void without_proof_the_client_unionid_binds_as_shopxo_does() {
        settings = LoginSettings.DEFAULT;
        victim();

        assertThat(((LoggedIn) logIn("o-other", "u-victim")).kind()).isEqualTo(LoginKind.BOUND_BY_UNIONID);
    }

    @Test
    void a_proof_serves_one_login() {
        proven("o-once", null);

        assertThat(logIn("o-once", null)).isInstanceOf(LoggedIn.class);
        assertThatThrownBy(() -> logIn("o-once", null)).hasMessage(UNPROVEN);
    }

    @Test
    void a_proof_serves_one_binding_and_survives_the_profile_step_that_stores_nobody() {
        settings = new LoginSettings(false, true, true, true);
        proven("o-bind", null);

        assertThat(logIn("o-bind", null)).isInstanceOf(LoginOutcome.MobileBindingRequired.class);
        assertThat(bindMobile("o-bind")).isInstanceOf(LoggedIn.class);
        assertThatThrownBy(() -> bindMobile("o-bind")).hasMessage(UNPROVEN);
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void a_mobile_binding_spends_the_proof_whether_it_gives_the_mobile_or_binds_the_openid_to_its_holder() {
        Fixtures.user(store, 8, Platform.WEIXIN, "o-no-mobile", "", UserStatus.NORMAL);
        Fixtures.user(store, 9, Platform.ALIPAY, "2088000000000009", MOBILE, UserStatus.NORMAL);
        proven("o-no-mobile", null);
        proven("o-new-to-holder", null);

        vouched = "13900139000";
        assertThat(bindMobile("o-no-mobile")).isInstanceOf(LoggedIn.class);
        vouched = MOBILE;
        assertThat(((LoggedIn) bindMobile("o-new-to-holder")).user().id()).isEqualTo(new UserId(9));

        assertThat(proofs.find(Platform.WEIXIN, new OpenId("o-no-mobile"))).isEmpty();
        assertThat(proofs.find(Platform.WEIXIN, new OpenId("o-new-to-holder"))).isEmpty();
    }

    @Test
    void registrations_by_mobile_binding_spend_the_registration_budget() {
        settings = LoginSettings.DEFAULT;
        budgets = budgets(Attempt.REGISTRATION, new Budget(1, 0, Duration.ofMinutes(1)));
        assertThat(bindMobile("o-1")).isInstanceOf(LoggedIn.class);
        vouched = "13900139000";

        assertThatThrownBy(() -> bindMobile("o-2")).isInstanceOfSatisfying(OverBudgetException.class,
                refused -> assertThat(refused.attempt()).isEqualTo(Attempt.REGISTRATION));
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void wechat_users_registered_at_their_code_exchange_spend_the_registration_budget() {
        settings = LoginSettings.DEFAULT;
        budgets = budgets(Attempt.REGISTRATION, new Budget(1, 0, Duration.ofMinutes(1)));
        assertThat(authorize(Platform.WEIXIN, "a", ATTACKER)).isInstanceOf(AuthorizationOutcome.Recognized.class);

        assertThatThrownBy(() -> authorize(Platform.WEIXIN, "b", ATTACKER)).isInstanceOfSatisfying(
                OverBudgetException.class, refused -> assertThat(refused.attempt()).isEqualTo(Attempt.REGISTRATION));
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void a_code_exchange_that_logged_the_user_in_leaves_no_proof() {
        victim();
        proven("o-victim", null);

        assertThat(authorize(Platform.WEIXIN, "victim", ATTACKER)).isInstanceOf(AuthorizationOutcome.Recognized.class);

        assertThat(proofs.find(Platform.WEIXIN, new OpenId("o-victim"))).isEmpty();
        assertThatThrownBy(() -> logIn("o-victim", null)).hasMessage(UNPROVEN);
    }

    @Test
    void a_code_exchange_of_an_unknown_user_leaves_a_proof_with_the_platforms_unionid() {
        assertThat(authorize(Platform.QQ, "unew", ATTACKER)).isInstanceOf(AuthorizationOutcome.Unrecognized.class);

        assertThat(proofs.find(Platform.QQ, new OpenId("o-unew")))
                .map(PlatformIdentity::unionId).contains(UnionId.optional("u-unew"));
    }

    @Test
    void a_platform_the_shop_does_not_serve_logs_nobody_in_on_any_route() {
        settings = new LoginSettings(false, false, true, false, EnumSet.of(Platform.WEIXIN), 5);

        assertThatThrownBy(() -> logIn(Platform.QQ, "o-qq", null, ATTACKER)).hasMessage("QQ小程序未配置");
        assertThatThrownBy(() -> authorize(Platform.ALIPAY, "c", ATTACKER)).hasMessage("支付宝小程序未配置");
        assertThat(exchanges).hasValue(0);
        assertThat(store.count()).isZero();
        assertThat(logIn(Platform.WEIXIN, "o-wx", null, ATTACKER)).isInstanceOf(LoggedIn.class);
    }

    @Test
    void registrations_beyond_the_address_budget_store_nothing_while_returning_users_still_log_in() {
        settings = LoginSettings.DEFAULT;
        budgets = budgets(Attempt.REGISTRATION, new Budget(2, 0, Duration.ofMinutes(1)));
        logIn("o-1", null);
        logIn("o-2", null);

        assertThatThrownBy(() -> logIn("o-3", null)).isInstanceOfSatisfying(OverBudgetException.class,
                refused -> assertThat(refused.attempt()).isEqualTo(Attempt.REGISTRATION));
        assertThat(store.count()).isEqualTo(2);
        assertThat(logIn("o-1", null)).isInstanceOf(LoggedIn.class);
        assertThat(logIn(Platform.WEIXIN, "o-3", null, new ClientAddress("198.51.100.1"))).isInstanceOf(LoggedIn.class);
    }

    @Test
    void code_exchanges_beyond_the_budget_never_reach_the_platform_and_keep_nothing() {
        budgets = budgets(Attempt.CODE_EXCHANGE, new Budget(2, 1, Duration.ofMinutes(1)));
        authorize(Platform.BAIDU, "a", ATTACKER);

        assertThatThrownBy(() -> authorize(Platform.BAIDU, "a", new ClientAddress("198.51.100.1")))
                .as("per openid").isInstanceOf(OverBudgetException.class);
        authorize(Platform.BAIDU, "b", new ClientAddress("198.51.100.1"));
        authorize(Platform.BAIDU, "c", ATTACKER);
        int platformCalls = exchanges.get();
        assertThatThrownBy(() -> authorize(Platform.BAIDU, "d", ATTACKER))
                .as("per address").isInstanceOf(OverBudgetException.class);
        assertThat(exchanges).hasValue(platformCalls);
        assertThat(sessionKeys.find(Platform.BAIDU, new OpenId("o-d"))).isEmpty();
        assertThat(proofs.find(Platform.BAIDU, new OpenId("o-d"))).isEmpty();
    }

    @Test
    void token_guesses_beyond_the_budget_are_refused_before_any_look_up() {
        budgets = budgets(Attempt.FAILED_TOKEN_LOOKUP, new Budget(3, 0, Duration.ofMinutes(1)));
        settings = LoginSettings.DEFAULT;
        String token = ((LoggedIn) logIn("o-token", null)).user().token();
        ResumeSessionService sessions = Fixtures.resumeSession(store, Duration.ZERO, Fixtures.CLOCK, budgets);
        for (int guess = 0; guess < 3; guess++) {
            assertThat(sessions.resume("%032x".formatted(guess), ATTACKER)).isInstanceOf(TokenLookup.Invalid.class);
        }

        assertThatThrownBy(() -> sessions.resume(token, ATTACKER)).isInstanceOfSatisfying(OverBudgetException.class,
                refused -> assertThat(refused.attempt()).isEqualTo(Attempt.FAILED_TOKEN_LOOKUP));
        assertThat(sessions.resume(token, new ClientAddress("198.51.100.1"))).isInstanceOf(TokenLookup.Valid.class);
    }

    private static AttemptBudgets budgets(Attempt attempt, Budget budget) {
        return new AttemptBudgets(new InMemoryAttemptCounter(Fixtures.CLOCK), Map.of(attempt, budget));
    }
}
