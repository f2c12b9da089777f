package io.minipass.adapters.web.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.web.ApiClient;
import io.minipass.adapters.web.ApiClient.Answer;
import io.minipass.adapters.web.ShopxoDialect;
import io.minipass.adapters.web.WebSettings;
import io.minipass.application.LoginSettings;
import io.minipass.domain.user.Channel;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The views of a user ShopXO v3 to v6.7 answer, over HTTP: their keys, order, JSON types and values. */
class ShopxoV6UserViewTest {
    /** What {@code tokenuserinfo} shows. */
    static final List<String> SESSION_FIELDS = List.of("id", "number_code", "status", "username", "nickname", "mobile",
            "email", "gender", "avatar", "province", "city", "county", "birthday", "address", "integral",
            "locking_integral", "referrer", "is_delete_time", "is_logout_time", "add_time", "upd_time", "system_type",
            "platform", "token", "alipay_openid", "weixin_openid", "weixin_unionid", "weixin_web_openid", "baidu_openid",
            "toutiao_openid", "toutiao_unionid", "qq_openid", "qq_unionid", "kuaishou_openid", "add_time_text",
            "upd_time_text", "gender_text", "mobile_security", "email_security", "address_info", "user_name_view",
            "is_setup_pwd");
    /** What a login shows. */
    static final List<String> LOGIN_FIELDS = with(SESSION_FIELDS, "is_mandatory_bind_mobile");
    /** What {@code appminiuserauth} shows of a user it logged in. */
    static final List<String> AUTH_FIELDS = with(LOGIN_FIELDS, "is_user_exist");
    static final List<String> INTEGER_FIELDS = List.of("id", "status", "gender", "integral", "locking_integral",
            "referrer", "is_delete_time", "is_logout_time", "add_time", "upd_time", "is_setup_pwd",
            "is_mandatory_bind_mobile", "is_user_exist");
    static final LoginSettings V6_LOGIN = LoginSettings.DEFAULT.asShopxoV6();
    static final String V6_DEFAULT_AVATAR_PATH = "/static/common/images/default-user-avatar-md.png";
    static final String INFO = "/api.php?s=user/appminiuserinfo&system_type=default&application=app&application_client_type=";
    static final String AUTH = "/api.php?s=user/appminiuserauth&system_type=default&application=app&application_client_type=";
    static final String TOKEN = "/api.php?s=user/tokenuserinfo&system_type=default&application=app&application_client_type=weixin";
    static final String OPENID = "oB6US5SNOngn196qzb3lagEBTh6w";
    static final String UNIONID = "o1Ang5xo5tiJD-l7Y1kY7-hT6emk";

    private final UserApi api = new UserApi().dialect(ShopxoDialect.V6).login(V6_LOGIN);
    private ApiClient client;

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void answersALoginWithShopxoV6sFortyThreeFieldsNumbersAsNumbers() {
        client = api.start();

        Answer answer = client.postForm(INFO + "weixin", ApiClient.fields("openid", OPENID, "unionid", UNIONID,
                "auth_data", "{\"nickName\":\"Tom\",\"gender\":1,\"avatarUrl\":\"https://x.cn/a.png\",\"province\":\"广东\","
                        + "\"city\":\"深圳\"}"));

        assertThat(answer.msg()).as(answer.body()).isEqualTo("授权成功");
        JsonNode data = RawJson.data(answer);
        assertThat(RawJson.keys(data)).isEqualTo(LOGIN_FIELDS);
        assertTypes(data);
        String token = data.get("token").asText();
        assertThat(token).matches("[0-9a-f]{32}");
        assertThat(answer.data()).containsExactly(entry("id", 1), entry("number_code", ""), entry("status", 0),
                entry("username", ""), entry("nickname", "Tom"), entry("mobile", ""), entry("email", ""),
                entry("gender", 2), entry("avatar", "https://x.cn/a.png"), entry("province", "广东"), entry("city", "深圳"),
                entry("county", ""), entry("birthday", ""), entry("address", ""), entry("integral", 0),
                entry("locking_integral", 0), entry("referrer", 0), entry("is_delete_time", 0), entry("is_logout_time", 0),
                entry("add_time", 1637555366), entry("upd_time", 0), entry("system_type", "default"),
                entry("platform", "weixin"), entry("token", token), entry("alipay_openid", ""), entry("weixin_openid", OPENID),
                entry("weixin_unionid", UNIONID), entry("weixin_web_openid", ""), entry("baidu_openid", ""),
                entry("toutiao_openid", ""), entry("toutiao_unionid", ""), entry("qq_openid", ""), entry("qq_unionid", ""),
                entry("kuaishou_openid", ""), entry("add_time_text", "2021-11-22 12:29:26"),
                entry("upd_time_text", "1970-01-01 08:00:00"), entry("gender_text", "男"), entry("mobile_security", ""),
                entry("email_security", ""), entry("address_info", "广东深圳"), entry("user_name_view", "Tom"),
                entry("is_setup_pwd", 0), entry("is_mandatory_bind_mobile", 0));
    }

    @Test
    void answersAnAuthorizedUserWithFortyFourFieldsAndTheSessionWithFortyTwo() {
        client = api.start();
        api.store.put(fullUser());
        api.loginCodes.answer("wx-code", Platform.WEIXIN, "wx-1", null, "session-key");
        api.clock.advance(Duration.ofMinutes(5));

        Answer login = client.postJson(AUTH + "weixin", "{\"authcode\":\"wx-code\"}");
        Answer session = client.get(TOKEN + "&token=" + login.data().get("token"));

        assertThat(login.msg()).as(login.body()).isEqualTo("授权登录成功");
        JsonNode loginData = RawJson.data(login);
        assertThat(RawJson.keys(loginData)).isEqualTo(AUTH_FIELDS);
        assertTypes(loginData);
        String token = loginData.get("token").asText();
        assertThat(token).matches("[0-9a-f]{32}");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", 128);
        expected.put("number_code", "88885128");
        expected.put("status", 0);
        expected.put("username", "admin");
        expected.put("nickname", "Tom");
        expected.put("mobile", "13800138000");
        expected.put("email", "tom@example.com");
        expected.put("gender", 1);
        expected.put("avatar", client.baseUrl() + "/static/upload/a.png");
        expected.put("province", "广东");
        expected.put("city", "深圳");
        expected.put("county", "南山区");
        expected.put("birthday", "2000-01-01");
        expected.put("address", "某路 1 号");
        expected.put("integral", 20);
        expected.put("locking_integral", 5);
        expected.put("referrer", 7);
        expected.put("is_delete_time", 0);
        expected.put("is_logout_time", 0);
        expected.put("add_time", 1637555366);
        expected.put("upd_time", 1637555666);
        expected.put("system_type", "default");
        expected.put("platform", "weixin");
        expected.put("token", token);
        expected.put("alipay_openid", "ali-1");
        expected.put("weixin_openid", "wx-1");
        expected.put("weixin_unionid", "wxu-1");
        expected.put("weixin_web_openid", "web-1");
        expected.put("baidu_openid", "bd-1");
        expected.put("toutiao_openid", "tt-1");
        expected.put("toutiao_unionid", "ttu-1");
        expected.put("qq_openid", "qq-1");
        expected.put("qq_unionid", "qqu-1");
        expected.put("kuaishou_openid", "ks-1");
        expected.put("add_time_text", "2021-11-22 12:29:26");
        expected.put("upd_time_text", "2021-11-22 12:34:26");
        expected.put("gender_text", "女");
        expected.put("mobile_security", "138***000");
        expected.put("email_security", "tom***com");
        expected.put("address_info", "广东深圳南山区某路 1 号");
        expected.put("user_name_view", "Tom");
        expected.put("is_setup_pwd", 1);
        Map<String, Object> expectedSession = new LinkedHashMap<>(expected);
        expected.put("is_mandatory_bind_mobile", 0);
        expected.put("is_user_exist", 1);
        assertThat(login.data()).containsExactlyEntriesOf(expected);

        assertThat(session.msg()).isEqualTo("success");
        JsonNode sessionData = RawJson.data(session);
        assertThat(RawJson.keys(sessionData)).isEqualTo(SESSION_FIELDS);
        assertTypes(sessionData);
        assertThat(session.data()).containsExactlyEntriesOf(expectedSession);
    }

    @Test
    void namesAUserByTheNicknameFirst() {
        client = api.start();
        api.store.put(user(1, "o1", "admin", "Tom", "13800138000"));
        api.store.put(user(2, "o2", "admin", "", "13800138000"));
        api.store.put(user(3, "o3", "", "", "13800138001"));

        assertThat(client.get(TOKEN + "&token=token-1").data()).containsEntry("user_name_view", "Tom");
        assertThat(client.get(TOKEN + "&token=token-2").data()).containsEntry("user_name_view", "admin");
        assertThat(client.get(TOKEN + "&token=token-3").data()).containsEntry("user_name_view", "138***001");
    }

    @Test
    void writesTheGenderInEnglishWhenTheClientAsksForIt() {
        client = api.start();
        String auth = "{\"nickName\":\"Tom\",\"gender\":%d}";

        Answer male = client.postForm(INFO + "weixin&lang=en", ApiClient.fields("openid", "o1", "auth_data", auth.formatted(1)));
        Answer female = client.postForm(INFO + "weixin&lang=EN", ApiClient.fields("openid", "o2", "auth_data", auth.formatted(2)));
        Answer secret = client.postJson(INFO + "weixin", "{\"lang\":\" en \",\"openid\":\"o3\",\"auth_data\":{\"nickName\":\"Tom\"}}");

        assertThat(male.data()).containsEntry("gender_text", "male");
        assertThat(female.data()).containsEntry("gender_text", "female");
        assertThat(secret.data()).containsEntry("gender_text", "secrecy");
    }

    @Test
    void showsShopxoV6sDefaultAvatarOnTheRequestsHost() {
        client = api.start();

        Answer answer = client.postForm(INFO + "weixin", ApiClient.fields("openid", "o1", "auth_data", "{\"nickName\":\"Tom\"}"));

        assertThat(answer.data()).containsEntry("avatar", client.baseUrl() + V6_DEFAULT_AVATAR_PATH);
        assertThat(api.stored(Platform.WEIXIN, "o1").avatar()).isEmpty();
    }

    @Test
    void showsTheConfiguredDefaultAvatarAndAStoredUrlAsItIs() {
        client = api.web(new WebSettings(null, "https://cdn.example.com/default.png", false)).start();

        Answer none = client.postForm(INFO + "weixin", ApiClient.fields("openid", "o1", "auth_data", "{\"nickName\":\"Tom\"}"));
        Answer own = client.postForm(INFO + "weixin", ApiClient.fields("openid", "o2", "auth_data",
                "{\"avatarUrl\":\"HTTPS://x.cn/a.png\"}"));

        assertThat(none.data()).containsEntry("avatar", "https://cdn.example.com/default.png");
        assertThat(own.data()).containsEntry("avatar", "HTTPS://x.cn/a.png");
    }

    @Test
    void writesTimesInTheShopsTimeZone() {
        client = api.web(new WebSettings(ZoneId.of("UTC"), "", true)).start();
        api.store.put(fullUser());

        Answer answer = client.get(TOKEN + "&token=token-128");

        assertThat(answer.data()).contains(entry("birthday", "1999-12-31"), entry("add_time_text", "2021-11-22 04:29:26"),
                entry("upd_time_text", "1970-01-01 00:00:00"));
    }

    @Test
    void answersTheUnsavedUserWithItsStoredAvatarWhenAMobileMustBeBoundFirst() {
        client = api.login(new LoginSettings(false, true, true, false).asShopxoV6())
                .web(new WebSettings(null, "", true)).start();
        api.store.put(UserApi.user(128, "inviter-openid", UserStatus.NORMAL));

        Answer answer = client.postForm(INFO + "weixin&referrer=D4459443", ApiClient.fields("openid", OPENID,
                "unionid", UNIONID, "auth_data", "{\"nickName\":\"Tom\",\"gender\":2,\"avatarUrl\":\"/static/upload/a.png\","
                        + "\"province\":\"广东\",\"city\":\"深圳\"}"));

        assertThat(answer.msg()).isEqualTo("授权成功");
        assertThat(answer.code()).isZero();
        JsonNode data = RawJson.data(answer);
        assertThat(RawJson.keys(data)).containsExactly("weixin_openid", "nickname", "avatar", "gender", "province", "city",
                "county", "mobile", "referrer", "weixin_unionid", "is_mandatory_bind_mobile");
        assertThat(RawJson.integerKeys(data)).containsExactly("gender", "referrer", "is_mandatory_bind_mobile");
        assertThat(answer.data()).containsExactly(entry("weixin_openid", OPENID), entry("nickname", "Tom"),
                entry("avatar", "/static/upload/a.png"), entry("gender", 1), entry("province", "广东"), entry("city", "深圳"),
                entry("county", ""), entry("mobile", ""), entry("referrer", 128), entry("weixin_unionid", UNIONID),
                entry("is_mandatory_bind_mobile", 1));
        assertThat(api.store.count()).isEqualTo(1);
    }

    @Test
    void answersTheUnsavedWeixinNewcomerOfACodeWhenAMobileMustBeBoundFirst() {
        client = api.login(new LoginSettings(false, true, true, false).asShopxoV6())
                .web(new WebSettings(null, "", true)).start();
        api.store.put(UserApi.user(128, "inviter-openid", UserStatus.NORMAL));
        api.loginCodes.answer("wx-code", Platform.WEIXIN, OPENID, null, "session-key");

        Answer answer = client.postJson(AUTH + "weixin&referrer=128", "{\"authcode\":\"wx-code\"}");

        assertThat(answer.msg()).isEqualTo("授权成功");
        JsonNode data = RawJson.data(answer);
        assertThat(RawJson.keys(data)).containsExactly("weixin_openid", "nickname", "avatar", "gender", "province", "city",
                "county", "mobile", "referrer", "is_mandatory_bind_mobile");
        assertThat(RawJson.integerKeys(data)).containsExactly("gender", "referrer", "is_mandatory_bind_mobile");
        assertThat(answer.data()).containsExactly(entry("weixin_openid", OPENID), entry("nickname", "微信用户"),
                entry("avatar", ""), entry("gender", 0), entry("province", ""), entry("city", ""), entry("county", ""),
                entry("mobile", ""), entry("referrer", 128), entry("is_mandatory_bind_mobile", 1));
        assertThat(api.store.count()).isEqualTo(1);
    }

    /** Every value a JSON integer where ShopXO v6 answers one, a JSON string everywhere else. */
    static void assertTypes(JsonNode data) {
        List<String> integers = RawJson.keys(data).stream().filter(INTEGER_FIELDS::contains).toList();
        List<String> strings = RawJson.keys(data).stream().filter(key -> !INTEGER_FIELDS.contains(key)).toList();
        assertThat(RawJson.integerKeys(data)).isEqualTo(integers);
        assertThat(RawJson.stringKeys(data)).isEqualTo(strings);
    }

    /** A ShopXO v6 user with every column set; its token is {@code token-128}. */
    static User fullUser() {
        PlatformIdentities identities = new PlatformIdentities(
                Map.of(Platform.ALIPAY, "ali-1", Platform.WEIXIN, "wx-1", Platform.BAIDU, "bd-1",
                        Platform.TOUTIAO, "tt-1", Platform.QQ, "qq-1", Platform.KUAISHOU, "ks-1"),
                Map.of(Platform.WEIXIN, "wxu-1", Platform.QQ, "qqu-1", Platform.TOUTIAO, "ttu-1"), "web-1");
        return new User(new UserId(128), identities, UserStatus.NORMAL, "token-128", "admin", "Tom", "13800138000",
                "tom@example.com", Gender.FEMALE, "/static/upload/a.png", "广东", "深圳", 946656000L, "某路 1 号", 20, 5, 7, 0,
                1637555366L, 0, "88885128", "南山区", 0, true, Channel.NONE);
    }

    static User user(long id, String weixinOpenId, String username, String nickname, String mobile) {
        return new User(new UserId(id), new PlatformIdentities(Map.of(Platform.WEIXIN, weixinOpenId), Map.of(), ""),
                UserStatus.NORMAL, "token-" + id, username, nickname, mobile, "", Gender.SECRET, "", "", "", 0, "", 0, 0,
                0, 0, UserApi.NOW.getEpochSecond(), 0, "", "", 0, false, Channel.NONE);
    }

    private static List<String> with(List<String> fields, String last) {
        List<String> all = new ArrayList<>(fields);
        all.add(last);
        return List.copyOf(all);
    }
}
