package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiClient;
import io.minipass.adapters.web.ApiClient.Answer;
import io.minipass.application.LoginSettings;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.minipass.adapters.web.user.UserApi.DEFAULT_AVATAR_PATH;
import static io.minipass.adapters.web.user.UserApi.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** {@code user/appminiuserauth} over HTTP, wired to the real authorization service over the in-memory user store. */
class AppMiniUserAuthEndpointTest {
    static final String JSON_UTF8 = "application/json; charset=utf-8";
    static final String ROUTE = "/api.php?s=user/appminiuserauth&application=app&application_client_type=";
    static final String WEIXIN = ROUTE + "weixin";
    static final String OPENID = "oB6US5SNOngn196qzb3lagEBTh6w";
    static final String UNIONID = "o1Ang5xo5tiJD-l7Y1kY7-hT6emk";
    static final String SESSION_KEY = "tiihtNczf5v6AKRyjwEUhQ==";

    private final UserApi api = new UserApi();
    private ApiClient client;

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void overGetTheLoginCodeIsNotReadAndNothingHappens() {
        client = api.start();
        api.loginCodes.answer("ali-code", Platform.ALIPAY, "2088102", null, SESSION_KEY);

        Answer answer = client.get(ROUTE + "alipay&authcode=ali-code");

        assertThat(answer.msg()).isEqualTo("授权码为空");
        assertThat(api.sessionKeys.isEmpty()).isTrue();
        assertThat(api.loginCodeProofs.find(Platform.ALIPAY, new OpenId("2088102"))).isEmpty();
    }

    @Test
    void tellsTheClientWhoTheUnknownUserIsWithoutTheSessionKey() {
        client = api.start();
        api.loginCodes.answer("ali-code", Platform.ALIPAY, "2088102", null, SESSION_KEY);

        Answer answer = client.postJson(ROUTE + "alipay", "{\"authcode\":\"ali-code\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        assertThat(answer.json()).containsExactly(entry("msg", "授权登录成功"), entry("code", 0),
                entry("data", Map.of("is_user_exist", 0, "openid", "2088102")));
        assertThat(List.copyOf(answer.data().keySet())).containsExactly("is_user_exist", "openid");
        assertThat(answer.body()).doesNotContain(SESSION_KEY, "session_key");
        assertThat(api.store.count()).isZero();
        assertThat(api.sessionKeys.find(Platform.ALIPAY, new OpenId("2088102"))).contains(SESSION_KEY);
        assertThat(api.loginCodeProofs.find(Platform.ALIPAY, new OpenId("2088102"))).isPresent();
    }

    @Test
    void givesTheUnionIdOfAnUnknownUserAfterTheOpenId() {
        client = api.start();
        api.loginCodes.answer("qq-code", Platform.QQ, "qq-openid", "qq-unionid", SESSION_KEY);

        Answer answer = client.postJson(ROUTE + "qq", "{\"authcode\":\"qq-code\"}");

        assertThat(answer.code()).isZero();
        assertThat(answer.data()).containsExactly(entry("is_user_exist", 0), entry("openid", "qq-openid"),
                entry("unionid", "qq-unionid"));
        assertThat(api.store.count()).isZero();
    }

    @Test
    void answersAKnownUserAsTheUserViewWithIsUserExistLast() {
        client = api.start();
        api.store.put(user(42, OPENID, UserStatus.NORMAL));
        api.loginCodes.answer("wx-code", Platform.WEIXIN, OPENID, UNIONID, SESSION_KEY);
        api.clock.advance(Duration.ofMinutes(5));

        Answer answer = client.postJson(WEIXIN, "{\"authcode\":\"wx-code\"}");

        assertThat(answer.msg()).isEqualTo("授权登录成功");
        assertThat(answer.code()).isZero();
        List<String> fields = new ArrayList<>(UserViewMapperTest.SEED_FIELDS);
        fields.add("is_user_exist");
        assertThat(List.copyOf(answer.data().keySet())).isEqualTo(fields);
        String token = (String) answer.data().get("token");
        assertThat(token).matches("[0-9a-f]{32}").isNotEqualTo("token-42");
        assertThat(answer.data()).contains(entry("id", "42"), entry("weixin_openid", OPENID), entry("weixin_unionid", ""),
                entry("nickname", "user 42"), entry("upd_time", Long.toString(UserApi.NOW.getEpochSecond() + 300)),
                entry("is_mandatory_bind_mobile", 0), entry("is_user_exist", 1));
        assertThat(api.store.findById(new UserId(42))).get().extracting(User::token).isEqualTo(token);
        assertThat(api.store.count()).isEqualTo(1);
        assertThat(answer.body()).doesNotContain(SESSION_KEY);
    }

    @Test
    void bindsTheOpenIdToTheUserOfTheSameUnionId() {
        client = api.start();
        api.store.put(user(7, new PlatformIdentities(Map.of(Platform.QQ, "old-qq-openid"), Map.of(Platform.QQ, "qq-unionid"), ""),
                UserStatus.NORMAL, ""));
        api.loginCodes.answer("qq-code", Platform.QQ, "new-qq-openid", "qq-unionid", SESSION_KEY);

        Answer answer = client.postJson(ROUTE + "QQ", "{\"authcode\":\"qq-code\"}");

        assertThat(answer.msg()).isEqualTo("授权登录成功");
        assertThat(answer.data()).contains(entry("id", "7"), entry("qq_openid", "new-qq-openid"),
                entry("qq_unionid", "qq-unionid"), entry("is_user_exist", 1));
        assertThat(api.store.count()).isEqualTo(1);
    }

    @Test
    void refusesToBindToAUnionIdUserNotInGoodStanding() {
        client = api.start();
        api.store.put(user(7, new PlatformIdentities(Map.of(Platform.QQ, "old-qq-openid"), Map.of(Platform.QQ, "qq-unionid"), ""),
                UserStatus.MUTED, ""));
        api.loginCodes.answer("qq-code", Platform.QQ, "new-qq-openid", "qq-unionid", SESSION_KEY);

        Answer answer = client.postJson(ROUTE + "qq", "{\"authcode\":\"qq-code\"}");

        assertThat(answer.json()).containsExactly(entry("msg", "用户待审核"), entry("code", -301), entry("data", List.of()));
        assertThat(api.store.findLiveByOpenId(SystemType.DEFAULT, Platform.QQ, new OpenId("new-qq-openid"))).isEmpty();
    }

    @Test
    void registersAnUnknownWeixinUserAtOnceWithTheQueryStringsReferrer() {
        client = api.start();
        api.store.put(user(128, "inviter-openid", UserStatus.NORMAL));
        api.loginCodes.answer("wx-code", Platform.WEIXIN, OPENID, UNIONID, SESSION_KEY);

        Answer answer = client.postJson(WEIXIN + "&referrer=D4459443", "{\"authcode\":\"wx-code\"}");

        assertThat(answer.msg()).isEqualTo("授权登录成功");
        assertThat(answer.code()).isZero();
        String token = (String) answer.data().get("token");
        assertThat(token).matches("[0-9a-f]{32}");
        assertThat(answer.data()).contains(entry("id", "129"), entry("weixin_openid", OPENID), entry("weixin_unionid", UNIONID),
                entry("status", "0"), entry("nickname", "微信用户"), entry("gender", "0"),
                entry("avatar", client.baseUrl() + DEFAULT_AVATAR_PATH), entry("referrer", "128"),
                entry("add_time", Long.toString(UserApi.NOW.getEpochSecond())), entry("user_name_view", "微信用户"),
                entry("is_user_exist", 1));
        assertThat(List.copyOf(answer.data().keySet()).get(answer.data().size() - 1)).isEqualTo("is_user_exist");
        User stored = api.stored(Platform.WEIXIN, OPENID);
        assertThat(stored.nickname()).isEqualTo("微信用户");
        assertThat(stored.avatar()).isEmpty();
        assertThat(stored.referrer()).isEqualTo(128);
        assertThat(stored.token()).isEqualTo(token);
    }

    @Test
    void takesTheReferrerFromABodyAsWell() {
        client = api.start();
        api.store.put(user(128, "inviter-openid", UserStatus.NORMAL));
        api.loginCodes.answer("wx-code", Platform.WEIXIN, OPENID, null, SESSION_KEY);

        Answer answer = client.postForm(WEIXIN, ApiClient.fields("code", "wx-code", "referrer", "128"));

        assertThat(answer.data()).contains(entry("referrer", "128"), entry("weixin_unionid", ""));
    }

    @Test
    void asksAnUnknownWeixinUserForTheProfileWhenTheShopTurnedAutoRegistrationOff() {
        client = api.login(new LoginSettings(false, false, false, false)).start();
        api.loginCodes.answer("wx-code", Platform.WEIXIN, OPENID, UNIONID, SESSION_KEY);

        Answer answer = client.postJson(WEIXIN, "{\"authcode\":\"wx-code\"}");

        assertThat(answer.data()).containsExactly(entry("is_user_exist", 0), entry("openid", OPENID), entry("unionid", UNIONID));
        assertThat(api.store.count()).isZero();
    }

    @Test
    void registersNobodyBeforeTheMobileIsBound() {
        client = api.login(new LoginSettings(false, true, true, false)).start();
        api.loginCodes.answer("wx-code", Platform.WEIXIN, OPENID, null, SESSION_KEY);

        Answer answer = client.postJson(WEIXIN, "{\"authcode\":\"wx-code\"}");

        assertThat(answer.data()).containsExactly(entry("is_user_exist", 0), entry("openid", OPENID));
        assertThat(api.store.count()).isZero();
    }

    @Test
    void tellsAWeixinNewcomerWhoMustBindAMobileFirstOnlyWhoTheyAre() {
        client = api.login(new LoginSettings(false, true, true, false)).start();
        api.loginCodes.answer("wx-code", Platform.WEIXIN, OPENID, UNIONID, SESSION_KEY);

        Answer answer = client.postJson(WEIXIN, "{\"authcode\":\"wx-code\"}");

        assertThat(answer.body()).isEqualTo("{\"msg\":\"授权登录成功\",\"code\":0,\"data\":{\"is_user_exist\":0,\"openid\":\""
                + OPENID + "\",\"unionid\":\"" + UNIONID + "\"}}");
        assertThat(api.store.count()).isZero();
    }

    @Test
    void storesANewWeixinUserForAuditAndRefusesTheLogin() {
        client = api.login(new LoginSettings(true, false, true, false)).start();
        api.loginCodes.answer("wx-code", Platform.WEIXIN, OPENID, null, SESSION_KEY);

        Answer answer = client.postJson(WEIXIN, "{\"authcode\":\"wx-code\"}");

        assertThat(answer.json()).containsExactly(entry("msg", "用户等待审核中"), entry("code", -110), entry("data", List.of()));
        assertThat(api.stored(Platform.WEIXIN, OPENID).status()).isEqualTo(UserStatus.AWAITING_AUDIT);
        assertThat(api.stored(Platform.WEIXIN, OPENID).token()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"2, 用户被禁止登录", "3, 用户等待审核中", "7, 用户状态有误"})
    void refusesAKnownUserWhoseStatusForbidsLogin(int status, String msg) {
        client = api.start();
        api.store.put(user(42, OPENID, new UserStatus(status)));
        api.loginCodes.answer("wx-code", Platform.WEIXIN, OPENID, null, SESSION_KEY);

        Answer answer = client.postJson(WEIXIN, "{\"authcode\":\"wx-code\"}");

        assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -110), entry("data", List.of()));
        assertThat(api.stored(Platform.WEIXIN, OPENID).token()).isEqualTo("token-42");
    }

    @Test
    void readsTheOlderCodeParameter() {
        client = api.start();
        api.loginCodes.answer("c1", Platform.ALIPAY, "a1", null, SESSION_KEY);
        api.loginCodes.answer("c2", Platform.ALIPAY, "a2", null, SESSION_KEY);

        Answer json = client.postJson(ROUTE + "alipay", "{\"code\":\"c1\"}");
        Answer form = client.postForm(ROUTE + "alipay", ApiClient.fields("code", "c2"));

        assertThat(json.data()).containsEntry("openid", "a1");
        assertThat(form.data()).containsEntry("openid", "a2");
        assertThat(api.loginCodes.exchanged()).containsExactly("alipay:c1", "alipay:c2");
    }

    @Test
    void prefersAuthcodeOverCodeUnlessItIsEmpty() {
        client = api.start();
        api.loginCodes.answer("new", Platform.ALIPAY, "a1", null, SESSION_KEY);
        api.loginCodes.answer("old", Platform.ALIPAY, "a2", null, SESSION_KEY);

        Answer both = client.postJson(ROUTE + "alipay", "{\"code\":\"old\",\"authcode\":\"new\"}");
        Answer emptyAuthcode = client.postJson(ROUTE + "alipay", "{\"authcode\":\"\",\"code\":\"old\"}");
        Answer inQuery = client.postJson(ROUTE + "alipay&authcode=new", "{}");

        assertThat(both.data()).containsEntry("openid", "a1");
        assertThat(emptyAuthcode.data()).containsEntry("openid", "a2");
        assertThat(inQuery.data()).containsEntry("openid", "a1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"authcode\":\"\"}", "{\"authcode\":\"0\"}", "{\"code\":\"0\"}", "{\"authcode\":\"   \"}",
            "{\"authcode\":null}", "{\"authcode\":[\"c\"]}", "{\"authcode\":{\"a\":\"c\"}}", "{\"authcode\":false}",
            "{\"authcode\":0}"})
    void refusesAnEmptyCodeWithoutCallingThePlatform(String body) {
        client = api.start();

        Answer answer = client.postJson(WEIXIN, body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        assertThat(answer.json()).containsExactly(entry("msg", "授权码为空"), entry("code", -1), entry("data", List.of()));
        assertThat(api.loginCodes.exchanged()).isEmpty();
    }

    @Test
    void refusesACodeTooLongToBeOne() {
        client = api.start();

        Answer answer = client.postJson(WEIXIN, "{\"authcode\":\"" + "c".repeat(513) + "\"}");

        assertThat(answer.json()).containsExactly(entry("msg", "授权码格式有误"), entry("code", -1), entry("data", List.of()));
        assertThat(api.loginCodes.exchanged()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"pc | PcUserAuth", "'' | PcUserAuth", "0 | PcUserAuth", "H5 | H5UserAuth",
            "' WeiXin2 ' | Weixin2UserAuth", "ios | IosUserAuth"})
    void namesTheMethodShopXoLacksForAnUnknownPlatform(String clientType, String method) {
        client = api.start();

        Answer answer = client.postJson(ROUTE + clientType.replace(" ", "+"), "{\"authcode\":\"wx-code\"}");

        assertThat(answer.json()).containsExactly(entry("msg", "方法未定义[" + method + "]"), entry("code", -1),
                entry("data", List.of()));
        assertThat(api.loginCodes.exchanged()).isEmpty();
    }

    @Test
    void answersAPlatformFailureWithItsMessageAndStoresNothing() {
        client = api.start();
        api.store.put(user(42, "someone-else", UserStatus.NORMAL));

        Answer answer = client.postJson(WEIXIN, "{\"authcode\":\"expired-code\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).containsExactly(entry("msg", FakeLoginCodes.INVALID_CODE), entry("code", -1),
                entry("data", List.of()));
        assertThat(api.loginCodes.exchanged()).containsExactly("weixin:expired-code");
        assertThat(api.store.count()).isEqualTo(1);
        assertThat(api.store.findById(new UserId(42))).contains(user(42, "someone-else", UserStatus.NORMAL));
        assertThat(api.sessionKeys.isEmpty()).isTrue();
    }

    @Test
    void answersAFailureOfAnyPlatformWithItsMessage() {
        client = api.start();

        Answer answer = client.postJson(ROUTE + "baidu", "{\"authcode\":\"c\"}");

        assertThat(answer.json()).containsExactly(entry("msg", FakeLoginCodes.INVALID_CODE), entry("code", -1),
                entry("data", List.of()));
        assertThat(api.loginCodes.exchanged()).containsExactly("baidu:c");
    }

    @Test
    void showsTheDefaultAvatarOnTheRequestsOwnHostUnlessTheProxyIsTrusted() {
        client = api.start();
        api.loginCodes.answer("c1", Platform.WEIXIN, "o1", null, SESSION_KEY);

        Answer answer = client.send(proxied(client, "c1"));

        assertThat(answer.data()).containsEntry("avatar", client.baseUrl() + DEFAULT_AVATAR_PATH);
    }

    @Test
    void showsTheDefaultAvatarOnTheHostTheClientAskedATrustedProxyFor() {
        client = api.trustProxyHeaders().start();
        api.loginCodes.answer("c1", Platform.WEIXIN, "o1", null, SESSION_KEY);

        Answer answer = client.send(proxied(client, "c1"));

        assertThat(answer.data()).containsEntry("avatar", "https://shop.example.com" + DEFAULT_AVATAR_PATH);
    }

    /** An appminiuserauth call as nginx with TLS passes it on. */
    private static HttpRequest proxied(ApiClient client, String code) {
        return HttpRequest.newBuilder(URI.create(client.baseUrl() + WEIXIN))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "shop.example.com")
                .POST(HttpRequest.BodyPublishers.ofString("{\"authcode\":\"" + code + "\"}", StandardCharsets.UTF_8))
                .build();
    }
}
