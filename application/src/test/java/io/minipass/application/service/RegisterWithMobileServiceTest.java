package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.LoginOutcome.LoggedIn;
import io.minipass.application.port.in.LoginOutcome.LoginKind;
import io.minipass.application.port.in.RegisterWithMobileCommand;
import io.minipass.application.port.in.UnprovenIdentityException;
import io.minipass.application.port.in.VerifyMobileCommand;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.application.testing.InMemoryLoginCodeProofs;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.application.testing.InMemoryUserStore;
import io.minipass.application.testing.InMemoryVerifiedMobiles;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.LoginRefusal;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.PhoneProof;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two steps of ShopXO v6's base-info registration: the platform vouches for a mobile, then the user registers with it. */
class RegisterWithMobileServiceTest {
    private static final String MOBILE = "13800138000";
    private static final Profile FILLED_IN = new Profile("填的昵称", "https://a/b.png", Gender.FEMALE, "广东", "深圳");

    private final InMemoryUserStore store = new InMemoryUserStore();
    private final InMemoryLoginCodeProofs proofs = new InMemoryLoginCodeProofs();
    private final InMemoryVerifiedMobiles verified = new InMemoryVerifiedMobiles();
    private final VerifyPhoneNumberPort phones = (platform, openId, proof) -> {
        if (proof.code().equals("bad")) {
            throw new InvalidInputException("code为空");
        }
        return MOBILE;
    };
    private LoginSettings settings = LoginSettings.DEFAULT;

    private VerifyMobileService verifier() {
        return new VerifyMobileService(phones, Fixtures.failedDecryptions(new InMemorySessionKeys()),
                new ClientIdentities(proofs, settings), Fixtures.tokenProofs(store), verified, Fixtures.noBudgets());
    }

    private RegisterWithMobileService registrar() {
        UserSignIn signIn = Fixtures.signIn(store, settings);
        return new RegisterWithMobileService(new MobileSignIn(store, signIn, Fixtures.referrers(store),
                Fixtures.noBudgets()), new ClientIdentities(proofs, settings), Fixtures.tokenProofs(store), verified);
    }

    private String verify(String openId, String code) {
        return verifier().verifyMobile(new VerifyMobileCommand(SystemType.DEFAULT, Platform.WEIXIN, new OpenId(openId),
                new PhoneProof(code, "", ""), ClientAddress.UNKNOWN, ""));
    }

    private LoginOutcome register(SystemType systemType, String openId, String mobile) {
        return registrar().register(new RegisterWithMobileCommand(systemType, new PlatformIdentity(Platform.WEIXIN,
                new OpenId(openId), Optional.empty()), FILLED_IN, mobile, "", ClientAddress.UNKNOWN, ""));
    }

    @Test
    void a_verified_mobile_registers_the_newcomer_with_the_profile_filled_in() {
        assertThat(verify("o-new", "code")).isEqualTo(MOBILE);

        LoggedIn loggedIn = (LoggedIn) register(new SystemType("shop2"), "o-new", MOBILE);

        assertThat(loggedIn.kind()).isEqualTo(LoginKind.REGISTERED);
        User user = loggedIn.user();
        assertThat(user.mobile()).isEqualTo(MOBILE);
        assertThat(user.nickname()).isEqualTo("填的昵称");
        assertThat(user.gender()).isEqualTo(Gender.FEMALE);
        assertThat(user.channel().systemType()).isEqualTo("shop2");
    }

    @Test
    void a_mobile_the_platform_never_vouched_for_this_openid_registers_nobody() {
        verify("o-someone-else", "code");

        assertThatThrownBy(() -> register(SystemType.DEFAULT, "o-claimer", MOBILE))
                .isInstanceOf(InvalidInputException.class).hasMessage("手机号码未验证，请重新获取");
        assertThatThrownBy(() -> register(SystemType.DEFAULT, "o-someone-else", "13900139000"))
                .isInstanceOf(InvalidInputException.class).hasMessage("手机号码未验证，请重新获取");
        assertThat(store.count()).isZero();
    }

    @Test
    void with_proof_required_a_verified_mobile_registers_nobody_whose_openid_is_unproven() {
        settings = new LoginSettings(false, false, true, true);
        verified.record(Platform.WEIXIN, new OpenId("o-unproven"), MOBILE);

        assertThatThrownBy(() -> register(SystemType.DEFAULT, "o-unproven", MOBILE))
                .isInstanceOf(UnprovenIdentityException.class);
        assertThat(store.count()).isZero();
    }

    @Test
    void a_verified_mobile_serves_one_registration() {
        verify("o-once", "code");
        register(SystemType.DEFAULT, "o-once", MOBILE);

        assertThatThrownBy(() -> register(SystemType.DEFAULT, "o-once", MOBILE)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_failed_proof_is_remembered_as_nothing() {
        assertThatThrownBy(() -> verify("o-bad", "bad")).isInstanceOf(InvalidInputException.class);

        assertThatThrownBy(() -> register(SystemType.DEFAULT, "o-bad", MOBILE)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void the_holder_of_the_mobile_gets_the_openid_as_a_mobile_binding_would_give_it() {
        User holder = Fixtures.user(store, 3, Platform.ALIPAY, "2088", MOBILE, UserStatus.NORMAL);
        verify("o-phone", "code");

        LoggedIn loggedIn = (LoggedIn) register(SystemType.DEFAULT, "o-phone", MOBILE);

        assertThat(loggedIn.kind()).isEqualTo(LoginKind.BOUND_BY_MOBILE);
        assertThat(loggedIn.user().id()).isEqualTo(holder.id());
        assertThat(loggedIn.user().nickname()).as("a holder keeps its profile").isEqualTo("user3");
    }

    @Test
    void under_shopxo_v6s_rule_a_muted_holder_is_refused_and_keeps_the_openid_unbound() {
        settings = LoginSettings.DEFAULT.asShopxoV6();
        Fixtures.user(store, 4, Platform.ALIPAY, "2089", MOBILE, UserStatus.MUTED);
        verify("o-muted", "code");

        assertThat(register(SystemType.DEFAULT, "o-muted", MOBILE)).isInstanceOfSatisfying(LoginOutcome.Refused.class, refused -> assertThat(refused.refusal()).isEqualTo(LoginRefusal.MUTED));
        assertThat(store.findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("o-muted"))).isEmpty();
    }

    @Test
    void with_proof_required_both_steps_need_the_openids_login_proof_and_the_registration_spends_it() {
        settings = new LoginSettings(false, true, true, true);
        assertThatThrownBy(() -> verify("o-unproven", "code")).isInstanceOf(UnprovenIdentityException.class);
        proofs.record(new PlatformIdentity(Platform.WEIXIN, new OpenId("o-proven"), Optional.empty()));

        verify("o-proven", "code");
        assertThat(proofs.find(Platform.WEIXIN, new OpenId("o-proven"))).as("verifying logs nobody in").isPresent();
        register(SystemType.DEFAULT, "o-proven", MOBILE);

        assertThat(proofs.find(Platform.WEIXIN, new OpenId("o-proven"))).isEmpty();
    }
}
