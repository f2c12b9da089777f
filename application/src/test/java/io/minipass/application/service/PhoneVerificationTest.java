package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.AttemptBudgets;
import io.minipass.application.budget.Budget;
import io.minipass.application.port.in.BindMobileCommand;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.OverBudgetException;
import io.minipass.application.port.in.UnprovenIdentityException;
import io.minipass.application.port.in.VerifyMobileCommand;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.application.testing.InMemoryAttemptCounter;
import io.minipass.application.testing.InMemoryLoginCodeProofs;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.application.testing.InMemoryUserStore;
import io.minipass.application.testing.InMemoryVerifiedMobiles;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.PhoneProof;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Phone proofs are budgeted like code exchanges, and one login proof buys only a few failing platform calls. */
class PhoneVerificationTest {
    private static final int FAILURES_PER_OPENID = 3;
    private static final ClientAddress ATTACKER = new ClientAddress("203.0.113.9");
    private static final LoginSettings PROOF_REQUIRED = new LoginSettings(false, false, true, true);
    private static final OpenId OPENID = new OpenId("o-phone-flood");

    private final InMemoryUserStore store = new InMemoryUserStore();
    private final InMemoryLoginCodeProofs proofs = new InMemoryLoginCodeProofs();
    private final AttemptBudgets budgets = new AttemptBudgets(new InMemoryAttemptCounter(Fixtures.CLOCK), Map.of(
            Attempt.PHONE_VERIFICATION, new Budget(300, 100, Duration.ofMinutes(1)),
            Attempt.FAILED_PHONE_VERIFICATION, new Budget(200, FAILURES_PER_OPENID, Duration.ofMinutes(10))));
    private final AtomicInteger platformCalls = new AtomicInteger();
    private final VerifyPhoneNumberPort refusingPlatform = (platform, openId, proof) -> {
        platformCalls.incrementAndGet();
        throw new PlatformCallFailedException(platform, "微信获取手机号失败[40029: invalid code]");
    };

    private BindMobileService binder(VerifyPhoneNumberPort phones) {
        return new BindMobileService(phones, store, Fixtures.signIn(store, PROOF_REQUIRED),
                Fixtures.referrers(store), new ClientIdentities(proofs, PROOF_REQUIRED), Fixtures.tokenProofs(store),
                new FailedDecryptions(new InMemorySessionKeys(), budgets, 5), budgets);
    }

    private LoginOutcome bind(BindMobileService binder, String code) {
        return binder.bindMobile(new BindMobileCommand(SystemType.DEFAULT, new PlatformIdentity(Platform.WEIXIN,
                OPENID, Optional.empty()),
                new Profile("新用户", "", Gender.SECRET, "", ""), "", new PhoneProof(code, "", ""), ATTACKER, ""));
    }

    private void proven() {
        proofs.record(new PlatformIdentity(Platform.WEIXIN, OPENID, Optional.empty()));
    }

    @Test
    void one_login_proof_buys_at_most_n_failing_phone_calls_and_is_spent_after() {
        proven();
        BindMobileService binder = binder(refusingPlatform);

        for (int i = 0; i < 60; i++) {
            assertThatThrownBy(() -> bind(binder, "guess")).isInstanceOf(RuntimeException.class);
        }

        assertThat(platformCalls).as("platform calls bought by one proof").hasValue(FAILURES_PER_OPENID);
        assertThat(proofs.find(Platform.WEIXIN, OPENID)).as("the proof is spent").isEmpty();
        assertThatThrownBy(() -> bind(binder, "guess")).isInstanceOf(UnprovenIdentityException.class);
        assertThat(store.count()).isZero();
    }

    @Test
    void a_new_proof_in_the_same_window_buys_no_more_failing_calls() {
        proven();
        BindMobileService binder = binder(refusingPlatform);
        for (int i = 0; i < FAILURES_PER_OPENID; i++) {
            assertThatThrownBy(() -> bind(binder, "guess")).isInstanceOf(PlatformCallFailedException.class);
        }
        proven();

        assertThatThrownBy(() -> bind(binder, "guess")).isInstanceOf(OverBudgetException.class)
                .satisfies(refused -> assertThat(((OverBudgetException) refused).attempt())
                        .isEqualTo(Attempt.FAILED_PHONE_VERIFICATION));
        assertThat(platformCalls).hasValue(FAILURES_PER_OPENID);
    }

    @Test
    void verifying_a_mobile_for_registration_spends_the_same_budgets() {
        proven();
        VerifyMobileService verifier = new VerifyMobileService(refusingPlatform,
                new FailedDecryptions(new InMemorySessionKeys(), budgets, 5), new ClientIdentities(proofs, PROOF_REQUIRED),
                Fixtures.tokenProofs(store), new InMemoryVerifiedMobiles(), budgets);

        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> verifier.verifyMobile(new VerifyMobileCommand(SystemType.DEFAULT, Platform.WEIXIN,
                    OPENID, new PhoneProof("guess", "", ""), ATTACKER, ""))).isInstanceOf(RuntimeException.class);
        }

        assertThat(platformCalls).hasValue(FAILURES_PER_OPENID);
        assertThat(proofs.find(Platform.WEIXIN, OPENID)).isEmpty();
    }

    @Test
    void every_phone_verification_is_counted_before_it_runs_per_openid_and_per_address() {
        AttemptBudgets tight = new AttemptBudgets(new InMemoryAttemptCounter(Fixtures.CLOCK), Map.of(
                Attempt.PHONE_VERIFICATION, new Budget(300, 2, Duration.ofMinutes(1))));
        AtomicInteger calls = new AtomicInteger();
        VerifyPhoneNumberPort vouching = (platform, openId, proof) -> {
            calls.incrementAndGet();
            return "13800138000";
        };
        VerifiedMobiles mobiles = new VerifiedMobiles(vouching, new FailedDecryptions(new InMemorySessionKeys(), tight, 5),
                tight);
        ClientIdentities.ClaimedIdentity identity = new ClientIdentities(proofs, LoginSettings.DEFAULT)
                .claim(new PlatformIdentity(Platform.WEIXIN, OPENID, Optional.empty()));

        mobiles.verify(identity, new PhoneProof("c1", "", ""), ATTACKER);
        mobiles.verify(identity, new PhoneProof("c2", "", ""), ATTACKER);

        assertThatThrownBy(() -> mobiles.verify(identity, new PhoneProof("c3", "", ""), ATTACKER))
                .isInstanceOf(OverBudgetException.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void a_phone_proof_longer_than_any_platform_sends_is_refused_before_anything_runs() {
        String huge = "a".repeat(200 * 1024);

        assertThatThrownBy(() -> new PhoneProof(huge, "", "")).isInstanceOf(InvalidInputException.class)
                .hasMessage("手机号码授权数据过长");
        assertThatThrownBy(() -> new PhoneProof("", huge, "MDEyMzQ1Njc4OWFiY2RlZg==")).hasMessage("手机号码授权数据过长");
        assertThatThrownBy(() -> new PhoneProof("", "c2VhbGVk", huge)).hasMessage("手机号码授权数据过长");
        assertThat(new PhoneProof("e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144", "", "").code())
                .hasSize(64);
    }
}
