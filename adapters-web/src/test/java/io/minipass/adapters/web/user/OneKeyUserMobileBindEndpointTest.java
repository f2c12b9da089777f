package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiClient;
import io.minipass.adapters.web.ApiClient.Answer;
import io.minipass.adapters.web.WebSettings;
import io.minipass.application.LoginSettings;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.PhoneProof;
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

import static io.minipass.adapters.web.user.UserApi.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** {@code user/onekeyusermobilebind} over HTTP, wired to the real binding service over the in-memory user store. */
class OneKeyUserMobileBindEndpointTest {
    static final String JSON_UTF8 = "application/json; charset=utf-8";
    static final String ROUTE = "/api.php?s=user/onekeyusermobilebind&application=app&application_client_type=";
    static final String WEIXIN = ROUTE + "weixin";
    static final String OPENID = "oB6US5SNOngn196qzb3lagEBTh6w";
    static final String UNIONID = "o1Ang5xo5tiJD-l7Y1kY7-hT6emk";
    static final String MOBILE = "13800138000";
    /** What the uni-app client sends on WeChat: the provisional profile back, the phone button's code. */
    static final String WEIXIN_BODY = "{\"encrypted_data\":\"\",\"iv\":\"\",\"code\":\"phone-code\",\"openid\":\"" + OPENID
            + "\",\"nickname\":\"Tom\",\"avatar\":\"https://x.cn/a.png\",\"province\":\"广东\",\"city\":\"深圳\",\"gender\":\"2\","
            + "\"weixin_unionid\":\"" + UNIONID + "\"}";

    private final UserApi api = new UserApi().login(new LoginSettings(false, true, true,
            false)).web(new WebSettings(null, "", true));
    private ApiClient client;

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void overGetNothingIsBound() {
        client = api.start();
        api.phoneNumbers.answer("phone-code", MOBILE);

        Answer answer = client.get(WEIXIN + "&openid=" + OPENID + "&code=phone-code");

        assertThat(answer.code()).isEqualTo(-1);
        assertThat(answer.msg()).isEqualTo("openid为空");
        assertThat(api.store.count()).isZero();
    }

    @Test
    void registersANewcomerWithTheVerifiedMobileAndTheProfileSentBack() {
        client = api.start();
        api.store.put(user(128, "inviter-openid", UserStatus.NORMAL));
        api.phoneNumbers.answer("phone-code", MOBILE);

        Answer answer = client.postJson(WEIXIN + "&referrer=D4459443", WEIXIN_BODY);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        assertThat(answer.msg()).isEqualTo("绑定成功");
        assertThat(answer.code()).isZero();
        assertThat(List.copyOf(answer.data().keySet())).isEqualTo(UserViewMapperTest.SEED_FIELDS);
        String token = (String) answer.data().get("token");
        assertThat(token).matches("[0-9a-f]{32}");
        assertThat(answer.data()).contains(entry("id", "129"), entry("weixin_openid", OPENID), entry("weixin_unionid", UNIONID),
                entry("status", "0"), entry("nickname", "Tom"), entry("mobile", MOBILE), entry("gender", "2"),
                entry("avatar", "https://x.cn/a.png"), entry("province", "广东"), entry("city", "深圳"), entry("referrer", "128"),
                entry("gender_text", "男"), entry("mobile_security", "138***000"), entry("user_name_view", "Tom"),
                entry("is_mandatory_bind_mobile", 1));
        User stored = api.stored(Platform.WEIXIN, OPENID);
        assertThat(stored.mobile()).isEqualTo(MOBILE);
        assertThat(stored.gender()).isEqualTo(Gender.MALE);
        assertThat(stored.identities().unionId(Platform.WEIXIN)).isEqualTo(UNIONID);
        assertThat(stored.token()).isEqualTo(token);
        assertThat(api.phoneNumbers.calls()).containsExactly(new FakePhoneNumbers.Call(Platform.WEIXIN, new OpenId(OPENID),
                new PhoneProof("phone-code", "", "")));
    }

    @Test
    void passesAnEncryptedProofOnAsSent() {
        client = api.start();
        api.phoneNumbers.answer("c2VjcmV0", MOBILE);

        Answer answer = client.postForm(ROUTE + "toutiao", ApiClient.fields("encrypted_data", "c2VjcmV0", "iv", "aXY=",
                "openid", "tt-openid", "nickname", "抖音用户"));

        assertThat(answer.msg()).as(answer.body()).isEqualTo("绑定成功");
        assertThat(answer.data()).contains(entry("toutiao_openid", "tt-openid"), entry("mobile", MOBILE),
                entry("nickname", "抖音用户"), entry("gender", "0"), entry("avatar", client.baseUrl() + UserApi.DEFAULT_AVATAR_PATH));
        assertThat(api.phoneNumbers.calls()).containsExactly(new FakePhoneNumbers.Call(Platform.TOUTIAO, new OpenId("tt-openid"),
                new PhoneProof("", "c2VjcmV0", "aXY=")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"0\" | 0 | 保密", "\"1\" | 1 | 女", "\"2\" | 2 | 男", "2 | 2 | 男", "1 | 1 | 女",
            "\" 2 \" | 2 | 男", "\"3\" | 0 | 保密", "\"-1\" | 0 | 保密", "\"男\" | 0 | 保密", "\"\" | 0 | 保密", "null | 0 | 保密",
            "[2] | 0 | 保密"})
    void readsTheGenderInTheShopsOwnCodes(String sent, String gender, String text) {
        client = api.start();
        api.phoneNumbers.answer("phone-code", MOBILE);

        Answer answer = client.postJson(WEIXIN, "{\"code\":\"phone-code\",\"openid\":\"o1\",\"gender\":" + sent + "}");

        assertThat(answer.data()).contains(entry("gender", gender), entry("gender_text", text));
    }

    @Test
    void readsTheUnionIdOnlyUnderThePlatformsOwnKey() {
        client = api.start();
        api.phoneNumbers.answer("p1", "13800000001");
        api.phoneNumbers.answer("p2", "13800000002");
        api.phoneNumbers.answer("p3", "13800000003");

        Answer generic = client.postJson(WEIXIN, "{\"code\":\"p1\",\"openid\":\"o1\",\"unionid\":\"u1\"}");
        Answer qq = client.postJson(ROUTE + "qq", "{\"encrypted_data\":\"p2\",\"iv\":\"iv\",\"openid\":\"q2\",\"qq_unionid\":\"u2\","
                + "\"weixin_unionid\":\"wrong\"}");
        Answer alipay = client.postJson(ROUTE + "alipay", "{\"encrypted_data\":\"p3\",\"openid\":\"a3\",\"alipay_unionid\":\"u3\"}");

        assertThat(generic.data()).contains(entry("weixin_openid", "o1"), entry("weixin_unionid", ""));
        assertThat(qq.data()).contains(entry("qq_openid", "q2"), entry("qq_unionid", "u2"), entry("weixin_unionid", ""));
        assertThat(alipay.data()).contains(entry("alipay_openid", "a3"), entry("weixin_unionid", ""), entry("qq_unionid", ""));
        assertThat(api.stored(Platform.WEIXIN, "o1").identities().unionId(Platform.WEIXIN)).isEmpty();
    }

    @Test
    void givesTheMobileToTheUserOfTheOpenId() {
        client = api.start();
        api.store.put(user(42, OPENID, UserStatus.NORMAL));
        api.phoneNumbers.answer("phone-code", MOBILE);

        Answer answer = client.postJson(WEIXIN, WEIXIN_BODY);

        assertThat(answer.msg()).isEqualTo("绑定成功");
        assertThat(answer.data()).contains(entry("id", "42"), entry("mobile", MOBILE), entry("nickname", "user 42"),
                entry("weixin_unionid", ""), entry("upd_time", Long.toString(UserApi.NOW.getEpochSecond())));
        assertThat(answer.data().get("token")).isNotEqualTo("token-42");
        assertThat(api.store.count()).isEqualTo(1);
        assertThat(api.stored(Platform.WEIXIN, OPENID).mobile()).isEqualTo(MOBILE);
    }

    @Test
    void bindsTheOpenIdToTheUserHoldingTheMobile() {
        client = api.start();
        api.store.put(user(42, new PlatformIdentities(Map.of(Platform.ALIPAY, "2088102"), Map.of(), ""), UserStatus.NORMAL, MOBILE));
        api.phoneNumbers.answer("phone-code", MOBILE);

        Answer answer = client.postJson(WEIXIN, WEIXIN_BODY);

        assertThat(answer.msg()).isEqualTo("绑定成功");
        assertThat(answer.data()).contains(entry("id", "42"), entry("alipay_openid", "2088102"), entry("weixin_openid", OPENID),
                entry("mobile", MOBILE), entry("nickname", "user 42"));
        assertThat(api.store.count()).isEqualTo(1);
    }

    @Test
    void refusesAMobileThatBelongsToAnotherAccount() {
        client = api.start();
        User holder = user(42, new PlatformIdentities(Map.of(Platform.WEIXIN, "other-openid"), Map.of(), ""), UserStatus.NORMAL, MOBILE);
        api.store.put(holder);
        api.phoneNumbers.answer("phone-code", MOBILE);

        Answer answer = client.postJson(WEIXIN, WEIXIN_BODY);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        assertThat(answer.json()).containsExactly(entry("msg", "手机已绑定其他帐号"), entry("code", -1), entry("data", List.of()));
        assertThat(api.store.count()).isEqualTo(1);
        assertThat(api.store.findById(new UserId(42))).contains(holder);
    }

    @Test
    void refusesAnAccountThatHasAnotherMobile() {
        client = api.start();
        User user = user(42, new PlatformIdentities(Map.of(Platform.WEIXIN, OPENID), Map.of(), ""), UserStatus.NORMAL, "13900139000");
        api.store.put(user);
        api.phoneNumbers.answer("phone-code", MOBILE);

        Answer answer = client.postJson(WEIXIN, WEIXIN_BODY);

        assertThat(answer.json()).containsExactly(entry("msg", "帐号已绑定其他手机"), entry("code", -1), entry("data", List.of()));
        assertThat(api.store.findById(new UserId(42))).contains(user);
    }

    @Test
    void answersAFailedProofWithItsMessageAndStoresNothing() {
        client = api.start();
        api.store.put(user(42, "someone-else", UserStatus.NORMAL));
        api.phoneNumbers.fail("undecryptable", new InvalidInputException("手机号码解密失败"));

        Answer refusedByPlatform = client.postJson(WEIXIN, WEIXIN_BODY.replace("phone-code", "used-code"));
        Answer undecryptable = client.postJson(ROUTE + "baidu", "{\"encrypted_data\":\"undecryptable\",\"iv\":\"iv\",\"openid\":\"b1\"}");
        api.phoneNumbers.fail("phone-code", new PlatformCallFailedException(Platform.WEIXIN, "微信接口请求超时"));
        Answer unreachable = client.postJson(WEIXIN, WEIXIN_BODY);

        assertThat(refusedByPlatform.json()).containsExactly(entry("msg", FakePhoneNumbers.INVALID_CODE), entry("code", -1),
                entry("data", List.of()));
        assertThat(undecryptable.json()).containsExactly(entry("msg", "手机号码解密失败"), entry("code", -1), entry("data", List.of()));
        assertThat(unreachable.json()).containsExactly(entry("msg", "微信接口请求超时"), entry("code", -1), entry("data", List.of()));
        assertThat(api.store.count()).isEqualTo(1);
        assertThat(api.store.findById(new UserId(42))).contains(user(42, "someone-else", UserStatus.NORMAL));
    }

    @Test
    void refusesAMobileThePlatformGaveInAnotherForm() {
        client = api.start();
        api.phoneNumbers.answer("phone-code", "+86 13800138000");

        Answer answer = client.postJson(WEIXIN, WEIXIN_BODY);

        assertThat(answer.json()).containsExactly(entry("msg", "手机号码格式有误"), entry("code", -1), entry("data", List.of()));
        assertThat(api.store.count()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pc        | {\"code\":\"phone-code\",\"openid\":\"o1\"}                      | 方法未定义[PcUserMobileBind]",
            "''        | {\"code\":\"phone-code\",\"openid\":\"o1\"}                      | 方法未定义[PcUserMobileBind]",
            "WAP       | {\"code\":\"phone-code\",\"openid\":\"o1\"}                      | 方法未定义[WapUserMobileBind]",
            "weixin    | {\"code\":\"phone-code\"}                                        | openid为空",
            "weixin    | {\"code\":\"phone-code\",\"openid\":\"0\"}                       | openid为空",
            "weixin    | {\"code\":\"phone-code\",\"openid\":null}                        | openid为空",
            "weixin    | {\"code\":\"phone-code\",\"openid\":\"a b\"}                     | openid格式有误",
            "weixin    | {\"code\":\"phone-code\",\"openid\":[\"o1\"]}                    | openid格式有误",
            "weixin    | {\"code\":\"phone-code\",\"openid\":\"o1\",\"weixin_unionid\":\"u u\"} | unionid格式有误",
            "weixin    | {\"code\":\"phone-code\",\"openid\":\"o1\",\"weixin_unionid\":[\"u\"]} | unionid格式有误",
    })
    void refusesBadInputWithoutAskingThePlatform(String clientType, String body, String msg) {
        client = api.start();
        api.store.put(user(42, "someone-else", UserStatus.NORMAL));
        api.phoneNumbers.answer("phone-code", MOBILE);

        Answer answer = client.send("POST", ROUTE + clientType, "application/json", body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -1), entry("data", List.of()));
        assertThat(api.phoneNumbers.calls()).isEmpty();
        assertThat(api.store.count()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"2, 用户被禁止登录", "3, 用户等待审核中"})
    void refusesAUserWhoseStatusForbidsLogin(int status, String msg) {
        client = api.start();
        User user = user(42, OPENID, new UserStatus(status));
        api.store.put(user);
        api.phoneNumbers.answer("phone-code", MOBILE);

        Answer answer = client.postJson(WEIXIN, WEIXIN_BODY);

        assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -110), entry("data", List.of()));
        assertThat(api.store.findById(new UserId(42))).contains(user);
    }

    @Test
    void storesANewcomerForAuditAndRefusesTheLogin() {
        client = api.login(new LoginSettings(true, true, true, false)).start();
        api.phoneNumbers.answer("phone-code", MOBILE);

        Answer answer = client.postJson(WEIXIN, WEIXIN_BODY);

        assertThat(answer.json()).containsExactly(entry("msg", "用户等待审核中"), entry("code", -110), entry("data", List.of()));
        User stored = api.stored(Platform.WEIXIN, OPENID);
        assertThat(stored.status()).isEqualTo(UserStatus.AWAITING_AUDIT);
        assertThat(stored.mobile()).isEqualTo(MOBILE);
        assertThat(stored.token()).isEmpty();
    }
}
