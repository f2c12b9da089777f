package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.port.in.BindMobileCommand;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.LoginOutcome.LoggedIn;
import io.minipass.application.port.in.LoginOutcome.LoginKind;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.application.testing.InMemoryLoginCodeProofs;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.application.testing.InMemoryUserStore;
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

class BindMobileServiceTest {
    private static final String MOBILE = "13800138000";
    private final InMemoryUserStore store = new InMemoryUserStore();
    private String verified = MOBILE;
    private final VerifyPhoneNumberPort phones = (platform, openId, proof) -> {
        if (proof.code().equals("bad")) {
            throw new InvalidInputException("code为空");
        }
        return verified;
    };

    private LoginOutcome bind(String openId) {
        return bind(openId, "code");
    }

    private LoginOutcome bind(String openId, String code) {
        BindMobileService service = new BindMobileService(phones, store,
                Fixtures.signIn(store, LoginSettings.DEFAULT), Fixtures.referrers(store),
                new ClientIdentities(new InMemoryLoginCodeProofs(), LoginSettings.DEFAULT), Fixtures.tokenProofs(store),
                Fixtures.failedDecryptions(new InMemorySessionKeys()), Fixtures.noBudgets());
        return service.bindMobile(new BindMobileCommand(SystemType.DEFAULT, new PlatformIdentity(Platform.WEIXIN,
                new OpenId(openId), Optional.empty()),
                new Profile("新用户", "https://a/x.png", Gender.MALE, "", ""), "", new PhoneProof(code, "",
                        ""), ClientAddress.UNKNOWN, ""));
    }

    @Test
    void a_newcomer_is_registered_with_the_verified_mobile() {
        LoggedIn loggedIn = (LoggedIn) bind("o-new");

        assertThat(loggedIn.kind()).isEqualTo(LoginKind.REGISTERED);
        assertThat(loggedIn.user().mobile()).isEqualTo(MOBILE);
        assertThat(loggedIn.user().nickname()).isEqualTo("新用户");
        assertThat(store.findLiveByMobile(MOBILE)).map(User::id).contains(loggedIn.user().id());
    }

    @Test
    void the_user_holding_the_mobile_gets_the_openid() {
        User holder = Fixtures.user(store, 3, Platform.WEIXIN, "", MOBILE, UserStatus.NORMAL);

        LoggedIn loggedIn = (LoggedIn) bind("o-phone");

        assertThat(loggedIn.kind()).isEqualTo(LoginKind.BOUND_BY_MOBILE);
        assertThat(loggedIn.user().id()).isEqualTo(holder.id());
        assertThat(store.findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("o-phone"))).map(User::id).contains(holder.id());
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void the_openids_user_without_a_mobile_gets_it() {
        User user = Fixtures.user(store, 4, Platform.WEIXIN, "o-known", "", UserStatus.NORMAL);

        LoggedIn loggedIn = (LoggedIn) bind("o-known");

        assertThat(loggedIn.user().id()).isEqualTo(user.id());
        assertThat(store.findById(user.id()).orElseThrow().mobile()).isEqualTo(MOBILE);
        assertThat(store.findById(user.id()).orElseThrow().token()).isEqualTo(loggedIn.user().token()).isNotEmpty();
    }

    @Test
    void a_mobile_bound_to_another_account_is_refused_and_changes_nothing() {
        Fixtures.user(store, 5, Platform.WEIXIN, "o-other", MOBILE, UserStatus.NORMAL);
        User mine = Fixtures.user(store, 6, Platform.WEIXIN, "o-mine", "", UserStatus.NORMAL);

        assertThatThrownBy(() -> bind("o-mine")).isInstanceOf(InvalidInputException.class).hasMessage("手机已绑定其他帐号");
        assertThatThrownBy(() -> bind("o-third")).isInstanceOf(InvalidInputException.class).hasMessage("手机已绑定其他帐号");
        assertThat(store.findById(mine.id())).contains(mine);
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void the_holder_with_this_very_openid_just_logs_in() {
        User holder = Fixtures.user(store, 7, Platform.WEIXIN, "o-same", MOBILE, UserStatus.NORMAL);

        LoggedIn loggedIn = (LoggedIn) bind("o-same");

        assertThat(loggedIn.kind()).isEqualTo(LoginKind.RETURNING);
        assertThat(loggedIn.user().id()).isEqualTo(holder.id());
    }

    @Test
    void a_banned_holder_is_refused() {
        Fixtures.user(store, 8, Platform.WEIXIN, "", MOBILE, UserStatus.BANNED);

        assertThat(bind("o-x")).isInstanceOfSatisfying(LoginOutcome.Refused.class, refused -> assertThat(refused.refusal()).isEqualTo(LoginRefusal.BANNED));
        assertThat(store.findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("o-x"))).isEmpty();
    }

    @Test
    void a_failed_proof_or_odd_number_stores_nothing() {
        assertThatThrownBy(() -> bind("o-y", "bad")).isInstanceOf(InvalidInputException.class);
        verified = "+86 138";
        assertThatThrownBy(() -> bind("o-y")).isInstanceOf(InvalidInputException.class).hasMessage("手机号码格式有误");
        assertThat(store.count()).isZero();
    }
}
