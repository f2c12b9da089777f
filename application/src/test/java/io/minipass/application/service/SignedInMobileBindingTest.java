package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.budget.Budget;
import io.minipass.application.budget.SuspectLane;
import io.minipass.application.port.in.AuthorizationOutcome;
import io.minipass.application.port.in.AuthorizeMiniProgramUserCommand;
import io.minipass.application.port.in.BindMobileCommand;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.LoginOutcome.LoggedIn;
import io.minipass.application.port.in.LoginOutcome.LoginKind;
import io.minipass.application.port.in.OverBudgetException;
import io.minipass.application.port.in.RegisterWithMobileCommand;
import io.minipass.application.port.in.UnprovenIdentityException;
import io.minipass.application.port.in.VerifyMobileCommand;
import io.minipass.application.port.out.LoginSession;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.application.testing.InMemoryAttemptCounter;
import io.minipass.application.testing.InMemoryLoginCodeProofs;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.application.testing.InMemoryUserStore;
import io.minipass.application.testing.InMemoryVerifiedMobiles;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.PhoneProof;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With the login proof required, a user whom {@code appminiuserauth} logged in (which leaves no proof) binds a
 * mobile later with the token the client holds; no other token stands in for the proof.
 */
class SignedInMobileBindingTest {
    private static final LoginSettings PROOF_REQUIRED = new LoginSettings(false, false, true, true);
    private static final ClientAddress CLIENT = new ClientAddress("198.51.100.4");
    private static final String MOBILE = "13900139000";
    private static final long TOKEN_LIFETIME = Duration.ofDays(30).toSeconds();

    private final InMemoryUserStore store = new InMemoryUserStore();
    private final InMemoryLoginCodeProofs proofs = new InMemoryLoginCodeProofs();
    private final InMemoryAttemptCounter attempts = new InMemoryAttemptCounter(Fixtures.CLOCK);
    private final AttemptBudgets budgets = new AttemptBudgets(attempts,
            Map.of(Attempt.FAILED_TOKEN_LOOKUP, new Budget(300, 0, Duration.ofMinutes(1))));
    private final TokenLookupGate tokenLookups = new TokenLookupGate(budgets,
            new SuspectLane(attempts, Attempt.FAILED_TOKEN_LOOKUP, SuspectLane.Limit.TOKEN_LOOKUPS));
    private final AtomicInteger phoneCalls = new AtomicInteger();
    private final VerifyPhoneNumberPort phones = (platform, openId, proof) -> {
        phoneCalls.incrementAndGet();
        return MOBILE;
    };

    private String logInWithCode(String openId) {
        AuthorizeMiniProgramUserService auth = new AuthorizeMiniProgramUserService(
                (platform, code) -> new LoginSession(new PlatformIdentity(platform, new OpenId(openId),
                        Optional.empty()), "key", Optional.empty()),
                new InMemorySessionKeys(), Fixtures.signIn(store, PROOF_REQUIRED), Fixtures.referrers(store), proofs,
                new ClientIdentities(proofs, PROOF_REQUIRED), Fixtures.noBudgets(), PROOF_REQUIRED);
        AuthorizationOutcome outcome = auth.authorize(new AuthorizeMiniProgramUserCommand(SystemType.DEFAULT,
                Platform.WEIXIN, "code", "", CLIENT));
        return ((LoggedIn) ((AuthorizationOutcome.Recognized) outcome).outcome()).user().token();
    }

    private LoginOutcome bind(String openId, String token) {
        BindMobileService binder = new BindMobileService(phones, store,
                Fixtures.signIn(store, PROOF_REQUIRED), Fixtures.referrers(store),
                new ClientIdentities(proofs, PROOF_REQUIRED),
                new TokenProofs(new LiveTokens(store, Duration.ofSeconds(TOKEN_LIFETIME), Fixtures.CLOCK), store,
                        tokenLookups),
                Fixtures.failedDecryptions(new InMemorySessionKeys()), Fixtures.noBudgets());
        return binder.bindMobile(new BindMobileCommand(SystemType.DEFAULT, new PlatformIdentity(Platform.WEIXIN,
                new OpenId(openId), Optional.empty()), Profile.EMPTY, "", new PhoneProof("phone-code", "",
                        ""), CLIENT, token));
    }

    /** ShopXO v6.4's two steps: the platform verifies the mobile, then the registration names it. */
    private LoginOutcome verifyThenRegister(String openId, String token) {
        TokenProofs tokenProofs = new TokenProofs(new LiveTokens(store, Duration.ofSeconds(TOKEN_LIFETIME), Fixtures.CLOCK),
                store, tokenLookups);
        ClientIdentities identities = new ClientIdentities(proofs, PROOF_REQUIRED);
        InMemoryVerifiedMobiles verified = new InMemoryVerifiedMobiles();
        String mobile = new VerifyMobileService(phones, Fixtures.failedDecryptions(new InMemorySessionKeys()), identities,
                tokenProofs, verified, Fixtures.noBudgets()).verifyMobile(new VerifyMobileCommand(SystemType.DEFAULT,
                Platform.WEIXIN, new OpenId(openId), new PhoneProof("phone-code", "", ""), CLIENT, token));
        RegisterWithMobileService registrar = new RegisterWithMobileService(new MobileSignIn(store,
                Fixtures.signIn(store, PROOF_REQUIRED), Fixtures.referrers(store), Fixtures.noBudgets()), identities,
                tokenProofs, verified);
        return registrar.register(new RegisterWithMobileCommand(SystemType.DEFAULT,
                new PlatformIdentity(Platform.WEIXIN, new OpenId(openId), Optional.empty()), new Profile("昵称",
                "https://a/b.png", Gender.SECRET, "", ""), mobile, "", CLIENT,
                token));
    }

    private User known(long id, String openId) {
        return Fixtures.user(store, id, Platform.WEIXIN, openId, "", UserStatus.NORMAL);
    }

    @Test
    void a_user_logged_in_by_a_code_exchange_binds_a_mobile_with_their_token() {
        User user = known(21, "o-known-21");
        String token = logInWithCode("o-known-21");
        assertThat(proofs.find(Platform.WEIXIN, new OpenId("o-known-21"))).as("the login left no proof").isEmpty();

        LoggedIn bound = (LoggedIn) bind("o-known-21", token);

        assertThat(bound.kind()).isEqualTo(LoginKind.BOUND_BY_MOBILE);
        assertThat(bound.user().id()).isEqualTo(user.id());
        assertThat(store.findById(user.id()).orElseThrow().mobile()).isEqualTo(MOBILE);
    }

    @Test
    void a_signed_in_user_binds_through_the_two_step_registration_with_their_token() {
        User user = known(27, "o-known-27");
        String token = logInWithCode("o-known-27");

        LoggedIn bound = (LoggedIn) verifyThenRegister("o-known-27", token);

        assertThat(bound.user().id()).isEqualTo(user.id());
        assertThat(store.findById(user.id()).orElseThrow().mobile()).isEqualTo(MOBILE);
        assertThatThrownBy(() -> verifyThenRegister("o-known-27", "garbage")).isInstanceOf(UnprovenIdentityException.class);
    }

    /** As on {@code tokenuserinfo} (docs/security.md#attempt-budgets): junk from a shared address locks nobody out. */
    @Test
    void a_signed_in_user_binds_with_their_token_from_an_address_junk_has_spent() {
        User user = known(28, "o-known-28");
        String token = logInWithCode("o-known-28");
        for (int junk = 0; junk < 300; junk++) {
            budgets.recordFailure(Attempt.FAILED_TOKEN_LOOKUP, CLIENT);
        }
        assertThatThrownBy(() -> bind("o-known-28", "not-a-token")).as("the address's budget is spent")
                .isInstanceOf(OverBudgetException.class);

        LoggedIn bound = (LoggedIn) bind("o-known-28", token);

        assertThat(bound.user().id()).isEqualTo(user.id());
        assertThat(store.findById(user.id()).orElseThrow().mobile()).isEqualTo(MOBILE);
    }

    @Test
    void another_users_token_proves_nothing_and_changes_nothing() {
        User victim = known(22, "o-victim-22");
        known(23, "o-attacker-23");
        String attackersToken = logInWithCode("o-attacker-23");

        assertThatThrownBy(() -> bind("o-victim-22", attackersToken)).isInstanceOf(UnprovenIdentityException.class)
                .hasMessage("授权已失效，请重新授权");

        assertThat(store.findById(victim.id())).contains(victim);
        assertThat(phoneCalls).as("refused before the platform is asked").hasValue(0);
    }

    @Test
    void a_garbage_replaced_or_expired_token_proves_nothing() {
        User user = known(24, "o-known-24");
        String first = logInWithCode("o-known-24");
        String current = logInWithCode("o-known-24");
        User expired = store.put(withToken(known(25, "o-known-25"), "expired-token-25", Fixtures.NOW - TOKEN_LIFETIME));

        for (String token : new String[] {"", "garbage", first, "x".repeat(500)}) {
            assertThatThrownBy(() -> bind("o-known-24", token)).as(token).isInstanceOf(UnprovenIdentityException.class);
        }
        assertThatThrownBy(() -> bind("o-known-25", "expired-token-25")).isInstanceOf(UnprovenIdentityException.class);

        assertThat(store.findById(user.id()).orElseThrow().mobile()).isEmpty();
        assertThat(store.findById(user.id()).orElseThrow().token()).isEqualTo(current);
        assertThat(store.findById(expired.id()).orElseThrow().mobile()).isEmpty();
        assertThat(phoneCalls).hasValue(0);
    }

    @Test
    void a_token_never_stands_in_for_an_openid_nobody_holds() {
        known(26, "o-known-26");
        String token = logInWithCode("o-known-26");

        assertThatThrownBy(() -> bind("o-nobody-26", token)).isInstanceOf(UnprovenIdentityException.class);
        assertThat(store.findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("o-nobody-26"))).isEmpty();
    }

    @Test
    void a_token_nobody_holds_never_stands_in_for_an_openid_nobody_holds() {
        assertThatThrownBy(() -> bind("o-nobody-29", "0123456789abcdef0123456789abcdef"))
                .isInstanceOf(UnprovenIdentityException.class);

        assertThat(store.count()).isZero();
        assertThat(phoneCalls).hasValue(0);
    }

    @Test
    void a_token_that_proves_nothing_counts_as_a_failed_token_look_up() {
        known(30, "o-known-30");
        for (int junk = 0; junk < 299; junk++) {
            budgets.recordFailure(Attempt.FAILED_TOKEN_LOOKUP, CLIENT);
        }

        assertThatThrownBy(() -> bind("o-known-30", "garbage")).as("the last failure the budget allows")
                .isInstanceOf(UnprovenIdentityException.class);
        assertThatThrownBy(() -> bind("o-known-30", "garbage")).isInstanceOf(OverBudgetException.class);
    }

    private static User withToken(User user, String token, long issuedAt) {
        return user.withToken(token, issuedAt);
    }
}
