package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.port.in.AuthorizationOutcome;
import io.minipass.application.port.in.AuthorizationOutcome.MobileRequired;
import io.minipass.application.port.in.AuthorizationOutcome.Recognized;
import io.minipass.application.port.in.AuthorizationOutcome.Unrecognized;
import io.minipass.application.port.in.AuthorizeMiniProgramUserCommand;
import io.minipass.application.port.in.ClientAddress;
import io.minipass.application.port.in.LoginOutcome;
import io.minipass.application.port.in.LoginOutcome.LoggedIn;
import io.minipass.application.port.in.LoginOutcome.LoginKind;
import io.minipass.application.port.in.ProvisionalUser;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.LoginSession;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.application.testing.InMemoryLoginCodeProofs;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.application.testing.InMemoryUserStore;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.LoginRefusal;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorizeMiniProgramUserServiceTest {
    private final InMemoryUserStore store = new InMemoryUserStore();
    private final InMemorySessionKeys sessionKeys = new InMemorySessionKeys();
    private final InMemoryLoginCodeProofs proofs = new InMemoryLoginCodeProofs();
    private final ExchangeLoginCodePort exchange = (platform, code) -> {
        if (code.startsWith("migrated")) {
            return new LoginSession(new PlatformIdentity(platform, new OpenId("074aOpenId-" + code), Optional.empty()),
                    "", Optional.of(new OpenId("2088000000000001")));
        }
        if (code.equals("bad")) {
            throw new PlatformCallFailedException(platform, "微信登录失败[40029: invalid code]");
        }
        return new LoginSession(new PlatformIdentity(platform, new OpenId("open-" + code),
                code.startsWith("u") ? UnionId.optional("union-" + code) : Optional.empty()), "key-" + code,
                Optional.empty());
    };

    private AuthorizeMiniProgramUserService service(LoginSettings settings) {
        return new AuthorizeMiniProgramUserService(exchange, sessionKeys, Fixtures.signIn(store, settings),
                Fixtures.referrers(store), proofs, new ClientIdentities(proofs, settings), Fixtures.noBudgets(), settings);
    }

    private AuthorizationOutcome authorize(LoginSettings settings, Platform platform, String code) {
        return service(settings).authorize(new AuthorizeMiniProgramUserCommand(SystemType.DEFAULT, platform, code, "",
                ClientAddress.UNKNOWN));
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = "WEIXIN", mode = EnumSource.Mode.EXCLUDE)
    void an_unknown_identity_is_returned_for_the_profile_step_and_its_session_key_kept(Platform platform) {
        AuthorizationOutcome outcome = authorize(LoginSettings.DEFAULT, platform, "c1");

        assertThat(outcome).isEqualTo(new Unrecognized(new PlatformIdentity(platform, new OpenId("open-c1"),
                Optional.empty())));
        assertThat(sessionKeys.find(platform, new OpenId("open-c1"))).contains("key-c1");
        assertThat(proofs.find(platform, new OpenId("open-c1"))).isPresent();
        assertThat(store.count()).isZero();
    }

    @Test
    void an_unknown_wechat_user_is_registered_at_once_as_wechat_user() {
        Fixtures.user(store, 128, Platform.WEIXIN, "inviter", "", UserStatus.NORMAL);

        AuthorizationOutcome outcome = service(LoginSettings.DEFAULT)
                .authorize(new AuthorizeMiniProgramUserCommand(SystemType.DEFAULT, Platform.WEIXIN, "u1", "D4459443",
                        ClientAddress.UNKNOWN));

        LoggedIn loggedIn = (LoggedIn) ((Recognized) outcome).outcome();
        assertThat(loggedIn.kind()).isEqualTo(LoginKind.REGISTERED);
        User user = loggedIn.user();
        assertThat(user.nickname()).isEqualTo("微信用户");
        assertThat(user.avatar()).isEmpty();
        assertThat(user.referrer()).isEqualTo(128);
        assertThat(user.identities().unionId(Platform.WEIXIN)).isEqualTo("union-u1");
        assertThat(user.token()).matches("[0-9a-f]{32}");
    }

    @Test
    void wechat_auto_registration_can_be_turned_off() {
        assertThat(authorize(new LoginSettings(false, false, false, false), Platform.WEIXIN, "c2")).isInstanceOf(Unrecognized.class);
        assertThat(store.count()).isZero();
    }

    @Test
    void wechat_auto_registration_waits_for_a_mobile_when_one_is_required_and_keeps_the_proof_for_it() {
        Fixtures.user(store, 128, Platform.WEIXIN, "inviter", "", UserStatus.NORMAL);

        AuthorizationOutcome outcome = service(new LoginSettings(false, true, true, true))
                .authorize(new AuthorizeMiniProgramUserCommand(SystemType.DEFAULT, Platform.WEIXIN, "u3", "D4459443",
                        ClientAddress.UNKNOWN));

        ProvisionalUser waiting = ((MobileRequired) outcome).user();
        assertThat(waiting.identity().openId()).isEqualTo(new OpenId("open-u3"));
        assertThat(waiting.identity().unionId()).contains(new UnionId("union-u3"));
        assertThat(waiting.profile().nickname()).isEqualTo("微信用户");
        assertThat(waiting.referrer()).isEqualTo(128);
        assertThat(proofs.find(Platform.WEIXIN, new OpenId("open-u3"))).isPresent();
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void wechat_auto_registration_under_audit_waits_for_approval() {
        LoginOutcome outcome = ((Recognized) authorize(new LoginSettings(true, false, true, false), Platform.WEIXIN, "c4")).outcome();

        assertThat(outcome).isInstanceOf(LoginOutcome.RegisteredAwaitingAudit.class);
    }

    @Test
    void a_known_user_is_logged_in_with_a_new_token() {
        User known = Fixtures.user(store, 7, Platform.BAIDU, "open-c5", "", UserStatus.NORMAL);

        LoggedIn loggedIn = (LoggedIn) ((Recognized) authorize(LoginSettings.DEFAULT, Platform.BAIDU, "c5")).outcome();

        assertThat(loggedIn.user().id()).isEqualTo(known.id());
        assertThat(store.findById(known.id()).orElseThrow().token()).isEqualTo(loggedIn.user().token()).isNotEmpty();
    }

    @Test
    void a_banned_user_is_refused() {
        Fixtures.user(store, 8, Platform.QQ, "open-c6", "", UserStatus.BANNED);

        assertThat(authorize(LoginSettings.DEFAULT, Platform.QQ, "c6"))
                .isEqualTo(new Recognized(new LoginOutcome.Refused(LoginRefusal.BANNED, new io.minipass.domain.user.UserId(8))));
    }

    @Test
    void a_same_platform_unionid_binds_the_new_openid() {
        store.put(new User(new io.minipass.domain.user.UserId(9), new io.minipass.domain.user.PlatformIdentities(
                java.util.Map.of(Platform.QQ, "older-openid"), java.util.Map.of(Platform.QQ, "union-u7"), ""),
                UserStatus.NORMAL, "", "", "n", "", "", null, "", "", "", 0, "", 0, 0, 0, 0, 1, 0));

        LoggedIn loggedIn = (LoggedIn) ((Recognized) authorize(LoginSettings.DEFAULT, Platform.QQ, "u7")).outcome();

        assertThat(loggedIn.kind()).isEqualTo(LoginKind.BOUND_BY_UNIONID);
        assertThat(loggedIn.user().id().value()).isEqualTo(9);
    }

    @Test
    void a_user_the_shop_holds_by_alipays_former_user_id_moves_to_the_open_id() {
        User legacy = Fixtures.user(store, 21, Platform.ALIPAY, "2088000000000001", "", UserStatus.NORMAL);

        LoggedIn loggedIn = (LoggedIn) ((Recognized) authorize(LoginSettings.DEFAULT, Platform.ALIPAY, "migrated-1")).outcome();

        assertThat(loggedIn.user().id()).isEqualTo(legacy.id());
        assertThat(store.findLiveByOpenId(SystemType.DEFAULT, Platform.ALIPAY, new OpenId("074aOpenId-migrated-1"))).map(User::id).contains(legacy.id());
        assertThat(store.findLiveByOpenId(SystemType.DEFAULT, Platform.ALIPAY, new OpenId("2088000000000001"))).isEmpty();
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void a_former_id_of_a_banned_user_is_refused_and_nothing_moves() {
        Fixtures.user(store, 22, Platform.ALIPAY, "2088000000000001", "", UserStatus.BANNED);

        assertThat(authorize(LoginSettings.DEFAULT, Platform.ALIPAY, "migrated-2"))
                .isEqualTo(new Recognized(new LoginOutcome.Refused(LoginRefusal.BANNED, new io.minipass.domain.user.UserId(22))));
        assertThat(store.findLiveByOpenId(SystemType.DEFAULT, Platform.ALIPAY, new OpenId("2088000000000001"))).isPresent();
    }

    @Test
    void a_former_id_nobody_holds_leaves_a_newcomer() {
        assertThat(authorize(LoginSettings.DEFAULT, Platform.ALIPAY, "migrated-3"))
                .isEqualTo(new Unrecognized(new PlatformIdentity(Platform.ALIPAY, new OpenId("074aOpenId-migrated-3"),
                        Optional.empty())));
    }

    @Test
    void a_login_session_never_prints_its_session_key() {
        LoginSession session = new LoginSession(new PlatformIdentity(Platform.QQ, new OpenId("o-1"), Optional.empty()),
                "secret-session-key", Optional.empty());

        assertThat(session.toString()).doesNotContain("secret-session-key")
                .isEqualTo("LoginSession[QQ, o-1, unionId=Optional.empty, formerOpenId=Optional.empty]");
    }

    @Test
    void a_former_id_equal_to_the_openid_is_no_former_id() {
        LoginSession session = new LoginSession(new PlatformIdentity(Platform.ALIPAY, new OpenId("2088000000000001"),
                Optional.empty()), "", Optional.of(new OpenId("2088000000000001")));

        assertThat(session.formerOpenId()).isEmpty();
    }

    @Test
    void platform_failures_and_empty_codes_pass_through_and_change_nothing() {
        assertThatThrownBy(() -> authorize(LoginSettings.DEFAULT, Platform.WEIXIN, "bad"))
                .isInstanceOfSatisfying(PlatformCallFailedException.class,
                        failed -> assertThat(failed.platform()).isEqualTo(Platform.WEIXIN))
                .hasMessageContaining("40029");
        assertThatThrownBy(() -> new AuthorizeMiniProgramUserCommand(SystemType.DEFAULT, Platform.WEIXIN, "", "",
                ClientAddress.UNKNOWN))
                .isInstanceOf(InvalidInputException.class).hasMessage("授权码为空");
        assertThatThrownBy(() -> new AuthorizeMiniProgramUserCommand(SystemType.DEFAULT, Platform.WEIXIN, null, "",
                ClientAddress.UNKNOWN))
                .isInstanceOf(InvalidInputException.class).hasMessage("授权码为空");
        assertThat(store.count()).isZero();
        assertThat(sessionKeys.isEmpty()).isTrue();
        assertThat(proofs.find(Platform.WEIXIN, new OpenId("open-bad"))).isEmpty();
    }
}
