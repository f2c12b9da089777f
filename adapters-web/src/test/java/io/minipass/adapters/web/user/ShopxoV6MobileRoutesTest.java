package io.minipass.adapters.web.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.web.ApiClient;
import io.minipass.adapters.web.ApiClient.Answer;
import io.minipass.adapters.web.ShopxoDialect;
import io.minipass.adapters.web.WebSettings;
import io.minipass.application.LoginSettings;
import io.minipass.application.port.out.MobileAlreadyClaimedException;
import io.minipass.application.port.out.NewUser;
import io.minipass.application.testing.InMemoryUserStore;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.minipass.adapters.web.user.ShopxoV6UserViewTest.LOGIN_FIELDS;
import static io.minipass.adapters.web.user.UserApi.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The routes that log in with a verified mobile as ShopXO v3 to v6.7 answer them: {@code onekeyusermobilebind}, and
 * ShopXO v6.4's {@code onekeyusermobiledecrypt} followed by {@code userbasereg}.
 */
class ShopxoV6MobileRoutesTest {
    static final String QUERY = "&system_type=default&application=app&application_client_type=";
    static final String DECRYPT = "/api.php?s=user/onekeyusermobiledecrypt" + QUERY;
    static final String REGISTER = "/api.php?s=user/userbasereg" + QUERY;
    static final String BIND = "/api.php?s=user/onekeyusermobilebind" + QUERY;
    static final String OPENID = "oB6US5SNOngn196qzb3lagEBTh6w";
    static final String UNIONID = "o1Ang5xo5tiJD-l7Y1kY7-hT6emk";
    static final String MOBILE = "13800138000";
    static final LoginSettings MANDATORY_MOBILE = new LoginSettings(false, true, true, false).asShopxoV6();
    /** What the uni-app client sends to {@code userbasereg} once the mobile was verified. */
    static final String REGISTER_BODY = "{\"openid\":\"" + OPENID + "\",\"avatar\":\"/static/upload/a.png\",\"nickname\":\"Tom\","
            + "\"mobile\":\"" + MOBILE + "\",\"province\":\"广东\",\"city\":\"深圳\",\"gender\":\"1\","
            + "\"weixin_unionid\":\"" + UNIONID + "\"}";
    static final String BIND_BODY = "{\"code\":\"phone-code\",\"openid\":\"" + OPENID + "\",\"nickname\":\"Tom\"}";

    private UserApi api = new UserApi().dialect(ShopxoDialect.V6).login(MANDATORY_MOBILE).web(new WebSettings(null, "", true));
    private ApiClient client;

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void tellsTheMobileThePlatformVouchesForAsAJsonString() {
        client = api.start();
        api.phoneNumbers.answer("phone-code", MOBILE);

        Answer answer = client.postJson(DECRYPT + "weixin", "{\"code\":\"phone-code\",\"openid\":\"" + OPENID + "\"}");

        assertThat(answer.body()).isEqualTo("{\"msg\":\"success\",\"code\":0,\"data\":\"" + MOBILE + "\"}");
        assertThat(RawJson.data(answer).isTextual()).isTrue();
        assertThat(api.store.count()).isZero();
        assertThat(api.phoneNumbers.calls()).hasSize(1);
    }

    @Test
    void registersWithTheMobileItVerifiedAMomentBefore() {
        client = api.start();
        api.store.put(user(128, "inviter-openid", UserStatus.NORMAL));
        api.phoneNumbers.answer("phone-code", MOBILE);

        Answer verified = client.postJson(DECRYPT + "weixin", "{\"code\":\"phone-code\",\"openid\":\"" + OPENID + "\"}");
        Answer registered = client.postJson(REGISTER + "weixin&referrer=128", REGISTER_BODY);

        assertThat(verified.code()).isZero();
        assertThat(registered.msg()).as(registered.body()).isEqualTo("授权成功");
        assertThat(registered.code()).isZero();
        JsonNode data = RawJson.data(registered);
        assertThat(RawJson.keys(data)).isEqualTo(LOGIN_FIELDS);
        ShopxoV6UserViewTest.assertTypes(data);
        assertThat(registered.data()).contains(entry("id", 129), entry("nickname", "Tom"), entry("mobile", MOBILE),
                entry("avatar", client.baseUrl() + "/static/upload/a.png"), entry("gender", 1), entry("gender_text", "女"),
                entry("province", "广东"), entry("city", "深圳"), entry("referrer", 128), entry("weixin_openid", OPENID),
                entry("weixin_unionid", UNIONID), entry("system_type", "default"), entry("platform", "weixin"),
                entry("is_mandatory_bind_mobile", 1));
        User stored = api.stored(Platform.WEIXIN, OPENID);
        assertThat(stored.mobile()).isEqualTo(MOBILE);
        assertThat(stored.avatar()).isEqualTo("/static/upload/a.png");
        assertThat(stored.gender()).isEqualTo(Gender.FEMALE);
        assertThat(stored.token()).isEqualTo(registered.data().get("token"));
    }

    @Test
    void registersNobodyWithAMobileNeverVerifiedForTheOpenId() {
        client = api.start();
        api.phoneNumbers.answer("phone-code", MOBILE);
        client.postJson(DECRYPT + "weixin", "{\"code\":\"phone-code\",\"openid\":\"someone-else\"}");

        Answer never = client.postJson(REGISTER + "weixin", REGISTER_BODY.replace(MOBILE, "13900139000"));
        Answer otherOpenId = client.postJson(REGISTER + "weixin", REGISTER_BODY);

        for (Answer answer : List.of(never, otherOpenId)) {
            assertThat(answer.json()).containsExactly(entry("msg", "手机号码未验证，请重新获取"), entry("code", -1),
                    entry("data", List.of()));
        }
        assertThat(api.store.count()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zh | {}                                                                 | openid为空",
            "zh | {\"openid\":\"o1\"}                                                | 请上传头像",
            "zh | {\"openid\":\"o1\",\"avatar\":\"a.png\"}                            | 昵称1~60个字符之间",
            "zh | {\"openid\":\"o1\",\"avatar\":\"a.png\",\"nickname\":\"Tom\"}      | 手机号码为空",
            "zh | {\"avatar\":\"a.png\",\"nickname\":\"Tom\",\"mobile\":\"1\"}       | openid为空",
            "zh | {\"openid\":\"o1\",\"avatar\":\"0\",\"nickname\":\"\",\"mobile\":\"1\"} | 请上传头像",
            "en | {}                                                                 | Openid is empty",
            "en | {\"openid\":\"o1\"}                                                | Please upload your profile picture",
            "en | {\"openid\":\"o1\",\"avatar\":\"a.png\"}                            | Nickname between 1 and 60 characters",
            "en | {\"openid\":\"o1\",\"avatar\":\"a.png\",\"nickname\":\"Tom\"}      | The phone number is empty",
    })
    void asksForTheRequiredFieldsInShopXosOrder(String lang, String body, String msg) {
        client = api.start();

        Answer answer = client.postJson(REGISTER + "weixin&lang=" + lang, body);

        assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -1), entry("data", List.of()));
        assertThat(api.store.count()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zh | pc      | pc平台还未开发手机一键登录",
            "zh | ' H5 '  | H5平台还未开发手机一键登录",
            "en | pc      | pcThe platform has not yet developed one-touch login",
    })
    void tellsAClientOfNoMiniProgramPlatformThatItHasNoOneTouchLogin(String lang, String clientType, String msg) {
        client = api.start();
        String route = clientType.replace(" ", "+") + "&lang=" + lang;

        Answer decrypt = client.postJson(DECRYPT + route, "{\"code\":\"phone-code\",\"openid\":\"o1\"}");
        Answer register = client.postJson(REGISTER + route, REGISTER_BODY);

        for (Answer answer : List.of(decrypt, register)) {
            assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -1), entry("data", List.of()));
        }
        assertThat(api.phoneNumbers.calls()).isEmpty();
    }

    @Test
    void echoesAtMostThirtyCharactersOfTheClientType() {
        client = api.start();

        Answer answer = client.postJson(DECRYPT + "Xy".repeat(40), "{\"openid\":\"o1\"}");

        assertThat(answer.msg()).isEqualTo("Xy".repeat(15) + "平台还未开发手机一键登录");
    }

    @ParameterizedTest
    @CsvSource({"zh, openid为空", "en, Openid is empty"})
    void asksForTheOpenIdBeforeTheClientType(String lang, String msg) {
        client = api.start();

        Answer decrypt = client.postJson(DECRYPT + "pc&lang=" + lang, "{\"code\":\"phone-code\"}");
        Answer overGet = client.get(DECRYPT + "weixin&lang=" + lang + "&code=phone-code&openid=o1");
        Answer registerOverGet = client.get(REGISTER + "weixin&lang=" + lang + "&openid=o1&avatar=a&nickname=n&mobile=" + MOBILE);

        for (Answer answer : List.of(decrypt, overGet, registerOverGet)) {
            assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -1), entry("data", List.of()));
        }
        assertThat(api.phoneNumbers.calls()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"zh, 绑定成功, 授权成功", "en, Bind Succeeded, Authorization Succeeded"})
    void saysBoundWhenAMobileOrOpenIdWasBoundAndAuthorizedOtherwise(String lang, String bound, String authorized) {
        client = api.start();
        api.store.put(user(1, new PlatformIdentities(Map.of(Platform.ALIPAY, "ali-1"), Map.of(), ""), UserStatus.NORMAL,
                "13800000001"));
        api.store.put(user(2, "wx-2", UserStatus.NORMAL));
        api.store.put(user(3, new PlatformIdentities(Map.of(Platform.WEIXIN, "wx-3"), Map.of(), ""), UserStatus.NORMAL,
                "13800000003"));
        String route = BIND + "weixin&lang=" + lang;
        for (int i = 1; i <= 4; i++) {
            api.phoneNumbers.answer("p" + i, "1380000000" + i);
        }

        Answer openIdToMobileHolder = client.postJson(route, "{\"code\":\"p1\",\"openid\":\"wx-1\"}");
        Answer mobileToOpenIdUser = client.postJson(route, "{\"code\":\"p2\",\"openid\":\"wx-2\"}");
        Answer returning = client.postJson(route, "{\"code\":\"p3\",\"openid\":\"wx-3\"}");
        Answer registered = client.postJson(route, "{\"code\":\"p4\",\"openid\":\"wx-4\"}");

        assertThat(openIdToMobileHolder.msg()).as(openIdToMobileHolder.body()).isEqualTo(bound);
        assertThat(openIdToMobileHolder.data()).contains(entry("id", 1), entry("weixin_openid", "wx-1"));
        assertThat(mobileToOpenIdUser.msg()).isEqualTo(bound);
        assertThat(mobileToOpenIdUser.data()).contains(entry("id", 2), entry("mobile", "13800000002"));
        assertThat(returning.msg()).isEqualTo(authorized);
        assertThat(returning.data()).containsEntry("id", 3);
        assertThat(registered.msg()).isEqualTo(authorized);
        assertThat(registered.data()).contains(entry("id", 4), entry("mobile", "13800000004"));
        for (Answer answer : List.of(openIdToMobileHolder, mobileToOpenIdUser, returning, registered)) {
            assertThat(List.copyOf(answer.data().keySet())).isEqualTo(LOGIN_FIELDS);
        }
    }

    @ParameterizedTest
    @CsvSource({"zh, 绑定成功", "en, Bind Succeeded"})
    void saysBoundWhenARegistrationFindsTheMobilesHolder(String lang, String msg) {
        client = api.start();
        api.store.put(user(1, new PlatformIdentities(Map.of(Platform.ALIPAY, "ali-1"), Map.of(), ""), UserStatus.NORMAL, MOBILE));
        api.phoneNumbers.answer("phone-code", MOBILE);

        client.postJson(DECRYPT + "weixin", "{\"code\":\"phone-code\",\"openid\":\"" + OPENID + "\"}");
        Answer answer = client.postJson(REGISTER + "weixin&lang=" + lang, REGISTER_BODY);

        assertThat(answer.msg()).as(answer.body()).isEqualTo(msg);
        assertThat(answer.data()).contains(entry("id", 1), entry("weixin_openid", OPENID), entry("nickname", "user 1"));
        assertThat(api.store.count()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"1, zh, 用户等待审核中", "2, zh, 用户等待审核中", "7, en, User waiting for approval"})
    void refusesAUserNotInGoodStandingWithOneAnswer(int status, String lang, String msg) {
        client = api.start();
        User user = user(42, OPENID, new UserStatus(status));
        api.store.put(user);
        api.phoneNumbers.answer("phone-code", MOBILE);

        Answer bind = client.postJson(BIND + "weixin&lang=" + lang, BIND_BODY);
        client.postJson(DECRYPT + "weixin", "{\"code\":\"phone-code\",\"openid\":\"" + OPENID + "\"}");
        Answer register = client.postJson(REGISTER + "weixin&lang=" + lang, REGISTER_BODY);

        for (Answer answer : List.of(bind, register)) {
            assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -301), entry("data", List.of()));
        }
        assertThat(api.store.findById(new UserId(42))).contains(user);
    }

    @ParameterizedTest
    @CsvSource({"zh, 用户等待审核中", "en, User waiting for approval"})
    void refusesANewcomerStoredForAudit(String lang, String msg) {
        client = api.login(new LoginSettings(true, true, true, false).asShopxoV6()).start();
        api.phoneNumbers.answer("phone-code", MOBILE);
        api.phoneNumbers.answer("other-code", "13900139000");

        Answer bind = client.postJson(BIND + "weixin&lang=" + lang, BIND_BODY);
        client.postJson(DECRYPT + "weixin", "{\"code\":\"other-code\",\"openid\":\"wx-2\"}");
        Answer register = client.postJson(REGISTER + "weixin&lang=" + lang,
                REGISTER_BODY.replace(OPENID, "wx-2").replace(MOBILE, "13900139000"));

        for (Answer answer : List.of(bind, register)) {
            assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -110), entry("data", List.of()));
        }
        assertThat(api.stored(Platform.WEIXIN, OPENID).status()).isEqualTo(UserStatus.AWAITING_AUDIT);
        assertThat(api.stored(Platform.WEIXIN, "wx-2").status()).isEqualTo(UserStatus.AWAITING_AUDIT);
    }

    @ParameterizedTest
    @CsvSource({"zh, 手机已绑定其他帐号", "en, The phone has been bound to another account"})
    void refusesAMobileThatBelongsToAnotherAccount(String lang, String msg) {
        client = api.start();
        User holder = user(42, "other-openid", UserStatus.NORMAL);
        holder = new User(holder.id(), holder.identities(), holder.status(), holder.token(), "", "", MOBILE, "",
                Gender.SECRET, "", "", "", 0, "", 0, 0, 0, 0, 0, 0);
        api.store.put(holder);
        api.phoneNumbers.answer("phone-code", MOBILE);

        Answer bind = client.postJson(BIND + "weixin&lang=" + lang, BIND_BODY);
        client.postJson(DECRYPT + "weixin", "{\"code\":\"phone-code\",\"openid\":\"" + OPENID + "\"}");
        Answer register = client.postJson(REGISTER + "weixin&lang=" + lang, REGISTER_BODY);

        for (Answer answer : List.of(bind, register)) {
            assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -1), entry("data", List.of()));
        }
        assertThat(api.store.count()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"zh, 手机号码已存在", "en, Mobile number already exists"})
    void answersAMobileTheStoreKeepsRefusingAsAnAccountThatExists(String lang, String msg) {
        api = new UserApi(new MobileRefusingStore()).dialect(ShopxoDialect.V6).login(MANDATORY_MOBILE);
        client = api.start();
        api.phoneNumbers.answer("phone-code", MOBILE);

        Answer bind = client.postJson(BIND + "weixin&lang=" + lang, BIND_BODY);
        client.postJson(DECRYPT + "weixin", "{\"code\":\"phone-code\",\"openid\":\"" + OPENID + "\"}");
        Answer register = client.postJson(REGISTER + "weixin&lang=" + lang, REGISTER_BODY);

        for (Answer answer : List.of(bind, register)) {
            assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -10), entry("data", List.of()));
        }
        assertThat(api.store.count()).isZero();
    }

    @Test
    void answersAMobileTheStoreKeepsRefusingAsBeforeForShopXoV2() {
        api = new UserApi(new MobileRefusingStore()).login(new LoginSettings(false, true, true, false));
        client = api.start();
        api.phoneNumbers.answer("phone-code", MOBILE);

        Answer answer = client.send("POST", BIND.replace("system_type=default", "lang=en") + "weixin", "application/json",
                BIND_BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.json()).containsExactly(entry("msg", "系统繁忙，请稍后再试"), entry("code", -1), entry("data", List.of()));
    }

    @Test
    void bindsWithTheSystemTypeOfTheQuery() {
        client = api.start();
        api.phoneNumbers.answer("phone-code", MOBILE);

        Answer answer = client.postJson(BIND.replace("system_type=default", "system_type=shop-2") + "weixin", BIND_BODY);

        assertThat(answer.data()).contains(entry("system_type", "shop-2"), entry("platform", "weixin"));
    }

    /** A store whose every registration loses the mobile to a holder it never shows. */
    static final class MobileRefusingStore extends InMemoryUserStore {
        @Override
        public synchronized User register(NewUser newUser) {
            throw new MobileAlreadyClaimedException();
        }
    }
}
