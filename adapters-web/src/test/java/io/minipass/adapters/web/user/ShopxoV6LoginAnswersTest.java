package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiClient;
import io.minipass.adapters.web.ApiClient.Answer;
import io.minipass.adapters.web.ShopxoDialect;
import io.minipass.application.LoginSettings;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.minipass.adapters.web.user.ShopxoV6UserViewTest.AUTH;
import static io.minipass.adapters.web.user.ShopxoV6UserViewTest.AUTH_FIELDS;
import static io.minipass.adapters.web.user.ShopxoV6UserViewTest.INFO;
import static io.minipass.adapters.web.user.ShopxoV6UserViewTest.LOGIN_FIELDS;
import static io.minipass.adapters.web.user.ShopxoV6UserViewTest.OPENID;
import static io.minipass.adapters.web.user.ShopxoV6UserViewTest.TOKEN;
import static io.minipass.adapters.web.user.ShopxoV6UserViewTest.UNIONID;
import static io.minipass.adapters.web.user.ShopxoV6UserViewTest.V6_LOGIN;
import static io.minipass.adapters.web.user.UserApi.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The messages and codes of the login routes and {@code tokenuserinfo} as ShopXO v3 to v6.7 answer them, in Chinese
 * and, with {@code lang=en}, in English where ShopXO has an English text.
 */
class ShopxoV6LoginAnswersTest {
    static final String AUTH_DATA = "{\"nickName\":\"Tom\"}";

    private final UserApi api = new UserApi().dialect(ShopxoDialect.V6).login(V6_LOGIN);
    private ApiClient client;

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest
    @CsvSource({"zh, openid为空", "en, Openid is empty"})
    void asksForTheOpenIdBeforeTheProfile(String lang, String msg) {
        client = api.start();

        Answer none = client.postForm(INFO + "weixin&lang=" + lang, ApiClient.fields());
        Answer empty = client.postForm(INFO + "weixin&lang=" + lang, ApiClient.fields("openid", "0", "auth_data", AUTH_DATA));
        Answer overGet = client.get(INFO + "weixin&lang=" + lang + "&openid=o1&auth_data=" + URLEncoder.encode(AUTH_DATA, StandardCharsets.UTF_8));

        for (Answer answer : List.of(none, empty, overGet)) {
            assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -1), entry("data", List.of()));
        }
        assertThat(api.store.count()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"zh, 授权数据为空", "en, The auth data is empty"})
    void asksForTheProfile(String lang, String msg) {
        client = api.start();

        Answer answer = client.postForm(INFO + "weixin&lang=" + lang, ApiClient.fields("openid", "o1", "auth_data", "0"));

        assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -1), entry("data", List.of()));
    }

    @ParameterizedTest
    @CsvSource({"zh", "en"})
    void namesTheMethodShopXoLacksInChineseOnly(String lang) {
        client = api.start();

        Answer answer = client.postForm(INFO + "h5&lang=" + lang, ApiClient.fields("openid", "o1", "auth_data", AUTH_DATA));

        assertThat(answer.json()).containsExactly(entry("msg", "方法未定义[H5UserInfo]"), entry("code", -1),
                entry("data", List.of()));
    }

    @ParameterizedTest
    @CsvSource({"zh, 授权成功", "en, Authorization Succeeded"})
    void saysAuthorizedForEveryProfileLogin(String lang, String msg) {
        client = api.start();
        api.store.put(user(5, new PlatformIdentities(Map.of(Platform.WEIXIN, "old-openid"), Map.of(Platform.WEIXIN, UNIONID), ""),
                UserStatus.NORMAL, ""));
        String route = INFO + "weixin&lang=" + lang;

        Answer registered = client.postForm(route, ApiClient.fields("openid", "o1", "auth_data", AUTH_DATA));
        Answer returning = client.postForm(route, ApiClient.fields("openid", "o1", "auth_data", AUTH_DATA));
        Answer boundByUnionId = client.postForm(route, ApiClient.fields("openid", OPENID, "unionid", UNIONID, "auth_data", AUTH_DATA));

        for (Answer answer : List.of(registered, returning, boundByUnionId)) {
            assertThat(answer.msg()).as(answer.body()).isEqualTo(msg);
            assertThat(answer.code()).isZero();
            assertThat(List.copyOf(answer.data().keySet())).isEqualTo(LOGIN_FIELDS);
        }
        assertThat(boundByUnionId.data()).contains(entry("id", 5), entry("weixin_openid", OPENID));
    }

    @ParameterizedTest
    @CsvSource({
            "1, zh, 用户被禁止发言", "2, zh, 用户被禁止登录", "3, zh, 用户等待审核中", "7, zh, 用户状态有误",
            "1, en, User is prohibited from speaking", "2, en, User is prohibited from logging in",
            "3, en, User waiting for review", "7, en, Incorrect user status"})
    void refusesEveryStatusButNormalOnEveryLoginRouteWithItsMessage(int status, String lang, String msg) {
        client = api.start();
        api.store.put(user(42, OPENID, new UserStatus(status)));
        api.loginCodes.answer("wx-code", Platform.WEIXIN, OPENID, null, "session-key");

        Answer info = client.postForm(INFO + "weixin&lang=" + lang, ApiClient.fields("openid", OPENID, "auth_data", AUTH_DATA));
        Answer auth = client.postJson(AUTH + "weixin&lang=" + lang, "{\"authcode\":\"wx-code\"}");
        Answer session = client.get(TOKEN + "&lang=" + lang + "&token=token-42");

        for (Answer answer : List.of(info, auth, session)) {
            assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -110), entry("data", List.of()));
        }
        assertThat(api.stored(Platform.WEIXIN, OPENID).token()).isEqualTo("token-42");
    }

    @ParameterizedTest
    @CsvSource({"zh, 用户等待审核中", "en, User waiting for approval"})
    void refusesANewcomerStoredForAudit(String lang, String msg) {
        client = api.login(new LoginSettings(true, false, true, false).asShopxoV6()).start();
        api.loginCodes.answer("wx-code", Platform.WEIXIN, "wx-openid", null, "session-key");

        Answer info = client.postForm(INFO + "alipay&lang=" + lang, ApiClient.fields("openid", "2088102", "auth_data", AUTH_DATA));
        Answer auth = client.postJson(AUTH + "weixin&lang=" + lang, "{\"authcode\":\"wx-code\"}");

        for (Answer answer : List.of(info, auth)) {
            assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -110), entry("data", List.of()));
        }
        assertThat(api.store.count()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"zh, 用户等待审核中", "en, User waiting for approval"})
    void refusesToBindAUnionIdUserNotInGoodStandingUnderV2sStatusRule(String lang, String msg) {
        client = api.login(LoginSettings.DEFAULT).start();
        api.store.put(user(7, new PlatformIdentities(Map.of(Platform.QQ, "old-qq"), Map.of(Platform.QQ, "qq-unionid"), ""),
                UserStatus.MUTED, ""));
        api.loginCodes.answer("qq-code", Platform.QQ, "new-qq", "qq-unionid", "session-key");

        Answer answer = client.postJson(AUTH + "qq&lang=" + lang, "{\"authcode\":\"qq-code\"}");

        assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -301), entry("data", List.of()));
    }

    @ParameterizedTest
    @CsvSource({"zh, 授权码为空", "en, The auth code is empty"})
    void asksForTheLoginCode(String lang, String msg) {
        client = api.start();

        Answer answer = client.postJson(AUTH + "weixin&lang=" + lang, "{\"authcode\":\"\"}");

        assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -1), entry("data", List.of()));
        assertThat(api.loginCodes.exchanged()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"zh, 授权登录成功", "en, Auth login succeeded"})
    void saysAuthLoginSucceededToAReturningOrUnionIdBoundUser(String lang, String msg) {
        client = api.start();
        api.store.put(user(42, OPENID, UserStatus.NORMAL));
        api.store.put(user(7, new PlatformIdentities(Map.of(Platform.QQ, "old-qq"), Map.of(Platform.QQ, "qq-unionid"), ""),
                UserStatus.NORMAL, ""));
        api.loginCodes.answer("wx-code", Platform.WEIXIN, OPENID, null, "session-key");
        api.loginCodes.answer("qq-code", Platform.QQ, "new-qq", "qq-unionid", "session-key");

        Answer returning = client.postJson(AUTH + "weixin&lang=" + lang, "{\"authcode\":\"wx-code\"}");
        Answer bound = client.postJson(AUTH + "qq&lang=" + lang, "{\"authcode\":\"qq-code\"}");

        for (Answer answer : List.of(returning, bound)) {
            assertThat(answer.msg()).as(answer.body()).isEqualTo(msg);
            assertThat(answer.code()).isZero();
            assertThat(List.copyOf(answer.data().keySet())).isEqualTo(AUTH_FIELDS);
            assertThat(answer.data()).containsEntry("is_user_exist", 1);
        }
        assertThat(returning.data()).containsEntry("id", 42);
        assertThat(bound.data()).contains(entry("id", 7), entry("qq_openid", "new-qq"), entry("platform", "qq"));
    }

    @ParameterizedTest
    @CsvSource({"zh, 授权成功", "en, Authorization Succeeded"})
    void saysAuthorizedToAWeixinUserItRegistered(String lang, String msg) {
        client = api.start();
        api.loginCodes.answer("wx-code", Platform.WEIXIN, OPENID, UNIONID, "session-key");

        Answer answer = client.postJson(AUTH + "weixin&lang=" + lang, "{\"authcode\":\"wx-code\"}");

        assertThat(answer.msg()).isEqualTo(msg);
        assertThat(List.copyOf(answer.data().keySet())).isEqualTo(AUTH_FIELDS);
        assertThat(answer.data()).contains(entry("nickname", "微信用户"), entry("weixin_unionid", UNIONID),
                entry("is_user_exist", 1));
    }

    @ParameterizedTest
    @CsvSource({"zh, 授权登录成功", "en, Auth login succeeded"})
    void tellsTheClientWhoAnUnknownUserIsWithTheUnionIdOnlyWhenThereIsOne(String lang, String msg) {
        client = api.start();
        api.loginCodes.answer("ali-code", Platform.ALIPAY, "2088102", null, "session-key");
        api.loginCodes.answer("qq-code", Platform.QQ, "qq-openid", "qq-unionid", "session-key");

        Answer alipay = client.postJson(AUTH + "alipay&lang=" + lang, "{\"authcode\":\"ali-code\"}");
        Answer qq = client.postJson(AUTH + "qq&lang=" + lang, "{\"authcode\":\"qq-code\"}");

        assertThat(alipay.json()).containsExactly(entry("msg", msg), entry("code", 0),
                entry("data", Map.of("is_user_exist", 0, "openid", "2088102")));
        assertThat(List.copyOf(alipay.data().keySet())).containsExactly("is_user_exist", "openid");
        assertThat(qq.msg()).isEqualTo(msg);
        assertThat(qq.data()).containsExactly(entry("is_user_exist", 0), entry("openid", "qq-openid"),
                entry("unionid", "qq-unionid"));
        assertThat(api.store.count()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"zh, 授权成功", "en, Authorization Succeeded"})
    void saysAuthorizedWithTheUnsavedUserWhenAMobileMustBeBoundFirst(String lang, String msg) {
        client = api.login(new LoginSettings(false, true, true, false).asShopxoV6()).start();
        api.loginCodes.answer("wx-code", Platform.WEIXIN, OPENID, null, "session-key");

        Answer info = client.postForm(INFO + "alipay&lang=" + lang, ApiClient.fields("openid", "2088102", "auth_data", AUTH_DATA));
        Answer auth = client.postJson(AUTH + "weixin&lang=" + lang, "{\"authcode\":\"wx-code\"}");

        assertThat(info.msg()).isEqualTo(msg);
        assertThat(info.data()).contains(entry("alipay_openid", "2088102"), entry("is_mandatory_bind_mobile", 1));
        assertThat(auth.msg()).isEqualTo(msg);
        assertThat(auth.data()).contains(entry("weixin_openid", OPENID), entry("is_mandatory_bind_mobile", 1));
        assertThat(api.store.count()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"zh, token不能为空", "en, Token cannot be empty"})
    void asksForAToken(String lang, String msg) {
        client = api.start();

        Answer answer = client.get(TOKEN + "&lang=" + lang);

        assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -1), entry("data", List.of()));
    }

    @ParameterizedTest
    @CsvSource({"zh, 用户信息不存在", "en, User information does not exist"})
    void findsNobodyForAnUnknownReplacedOrExpiredToken(String lang, String msg) {
        client = api.tokenLifetime(Duration.ofMinutes(10)).start();
        api.loginCodes.answer("c1", Platform.WEIXIN, OPENID, null, "session-key");
        api.loginCodes.answer("c2", Platform.WEIXIN, OPENID, null, "session-key");
        String first = (String) client.postJson(AUTH + "weixin", "{\"authcode\":\"c1\"}").data().get("token");
        String second = (String) client.postJson(AUTH + "weixin", "{\"authcode\":\"c2\"}").data().get("token");

        Answer unknown = client.get(TOKEN + "&lang=" + lang + "&token=0123456789abcdef0123456789abcdef");
        Answer replaced = client.get(TOKEN + "&lang=" + lang + "&token=" + first);
        Answer current = client.get(TOKEN + "&lang=" + lang + "&token=" + second);
        api.clock.advance(Duration.ofMinutes(10));
        Answer expired = client.get(TOKEN + "&lang=" + lang + "&token=" + second);

        for (Answer answer : List.of(unknown, replaced, expired)) {
            assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -1), entry("data", List.of()));
        }
        assertThat(current.msg()).isEqualTo("success");
        assertThat(current.code()).isZero();
    }

    @Test
    void keepsThisServicesOwnMessagesInChinese() {
        client = api.start();

        Answer malformed = client.postForm(INFO + "weixin&lang=en", ApiClient.fields("openid", "a b", "auth_data", AUTH_DATA));
        Answer expiredCode = client.postJson(AUTH + "weixin&lang=en", "{\"authcode\":\"expired-code\"}");

        assertThat(malformed.json()).containsExactly(entry("msg", "openid格式有误"), entry("code", -1), entry("data", List.of()));
        assertThat(expiredCode.json()).containsExactly(entry("msg", FakeLoginCodes.INVALID_CODE), entry("code", -1),
                entry("data", List.of()));
    }
}
