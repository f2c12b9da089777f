package io.minipass.adapters.web.user;

import io.javalin.Javalin;
import io.minipass.adapters.web.ApiClient;
import io.minipass.adapters.web.ApiClient.Answer;
import io.minipass.adapters.web.Multipart;
import io.minipass.adapters.web.WebAppFixture;
import io.minipass.adapters.web.WebSettings;
import io.minipass.application.LoginSettings;
import io.minipass.application.budget.SuspectLane;
import io.minipass.application.port.in.LogInMiniProgramUserUseCase;
import io.minipass.application.port.out.DecryptUserDataPort;
import io.minipass.application.service.LoginUseCases;
import io.minipass.application.testing.InMemoryAttemptCounter;
import io.minipass.application.testing.InMemoryLoginCodeProofs;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.application.testing.InMemoryUserStore;
import io.minipass.application.testing.InMemoryVerifiedMobiles;
import io.minipass.application.testing.TestClock;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** {@code user/appminiuserinfo} over HTTP, wired to the real login service over the in-memory user store. */
class AppMiniUserInfoEndpointTest {
    static final String JSON_UTF8 = "application/json; charset=utf-8";
    static final String SEED_OPENID = "oB6US5SNOngn196qzb3lagEBTh6w";
    static final String SEED_UNIONID = "o1Ang5xo5tiJD-l7Y1kY7-hT6emk";
    static final String SEED_AVATAR = "https://thirdwx.qlogo.cn/mmopen/vi_32/Q0j4TwGTfTLyAtj7FMjZYFhr3FADapWV8TibSNWVRVYFmAEJGg4bYgw0WMx4cibF7RoKhv3iavOXGoobzWicE0M6Lg/132";
    static final String SEED_AUTH_DATA = "{\"nickName\":\"ShopXO@纵之格\",\"gender\":0,\"language\":\"zh_CN\",\"city\":\"\","
            + "\"province\":\"\",\"country\":\"\",\"avatarUrl\":\"" + SEED_AVATAR + "\"}";
    static final String WEIXIN = "/api.php?s=user/appminiuserinfo&application=app&application_client_type=weixin";
    static final String DEFAULT_AVATAR_PATH = "/static/index/default/images/default-user-avatar.jpg";
    static final Instant SEED_TIME = Instant.ofEpochSecond(1637555366);

    private final InMemoryUserStore store = new InMemoryUserStore();
    private final TestClock clock = new TestClock(SEED_TIME);
    private Javalin app;
    private ApiClient client;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void registersTheSeedsUserAndAnswersTheSeedsView() {
        start();

        Answer answer = client.postForm(WEIXIN, ApiClient.fields(
                "auth_data", SEED_AUTH_DATA, "openid", SEED_OPENID, "referrer", "0", "unionid", SEED_UNIONID));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        assertThat(List.copyOf(answer.json().keySet())).isEqualTo(List.of("msg", "code", "data"));
        assertThat(answer.msg()).isEqualTo("授权成功");
        assertThat(answer.code()).isZero();
        Map<String, Object> data = answer.data();
        assertThat(List.copyOf(data.keySet())).isEqualTo(UserViewMapperTest.SEED_FIELDS);
        String token = (String) data.get("token");
        assertThat(token).matches("[0-9a-f]{32}");
        assertThat(data).containsExactly(
                entry("id", "1"), entry("alipay_openid", ""), entry("weixin_openid", SEED_OPENID),
                entry("weixin_unionid", SEED_UNIONID), entry("weixin_web_openid", ""), entry("baidu_openid", ""),
                entry("toutiao_openid", ""), entry("qq_openid", ""), entry("qq_unionid", ""), entry("status", "0"),
                entry("token", token), entry("username", ""), entry("nickname", "ShopXO@纵之格"), entry("mobile", ""),
                entry("email", ""), entry("gender", "0"), entry("avatar", SEED_AVATAR), entry("province", ""),
                entry("city", ""), entry("birthday", "0"), entry("address", ""), entry("integral", "0"),
                entry("locking_integral", "0"), entry("referrer", "0"), entry("is_delete_time", "0"),
                entry("add_time", "1637555366"), entry("upd_time", "0"), entry("add_time_text", "2021-11-22 12:29:26"),
                entry("upd_time_text", "1970-01-01 08:00:00"), entry("gender_text", "保密"), entry("birthday_text", ""),
                entry("mobile_security", ""), entry("email_security", ""), entry("user_name_view", "ShopXO@纵之格"),
                entry("is_mandatory_bind_mobile", 0));
        assertThat(data.values()).filteredOn(value -> !(value instanceof String)).containsExactly(0);
        assertThat(store.count()).isEqualTo(1);
        assertThat(stored(SEED_OPENID).token()).isEqualTo(token);
    }

    @Test
    void anEmptyProfileRegistersTheUserWithAnEmptyNickname() {
        start();

        Answer answer = client.postForm(WEIXIN, ApiClient.fields("openid", "o-empty-profile", "auth_data", "{}"));

        assertThat(answer.code()).isZero();
        assertThat(answer.data().get("nickname")).isEqualTo("");
        assertThat(stored("o-empty-profile").nickname()).isEmpty();
    }

    @Test
    void overGetTheLoginRoutesSeeNoneOfTheirParametersAndStoreNothing() {
        start();

        Answer answer = client.get(WEIXIN + "&openid=o-from-a-link&auth_data=" + java.net.URLEncoder.encode(
                SEED_AUTH_DATA, java.nio.charset.StandardCharsets.UTF_8));

        assertThat(answer.code()).isEqualTo(-1);
        assertThat(answer.msg()).isEqualTo("openid为空");
        assertThat(store.count()).isZero();
    }

    @Test
    void acceptsTheUniAppClientsRequest() {
        start();
        store.put(user(128, "inviter-openid", UserStatus.NORMAL));

        Answer answer = client.postJson("/api.php?s=user/appminiuserinfo&application=app&application_client_type=weixin"
                        + "&application_client_brand=devtools&system_type=default&uuid=8a1f-22&lang=zh&theme=0&ajax=ajax"
                        + "&referrer=128&token=",
                "{\"auth_data\":" + quoted(SEED_AUTH_DATA) + ",\"openid\":\"" + SEED_OPENID + "\"}");

        assertThat(answer.code()).as(answer.body()).isZero();
        assertThat(answer.msg()).isEqualTo("授权成功");
        assertThat(answer.data()).contains(entry("id", "129"), entry("weixin_openid", SEED_OPENID),
                entry("weixin_unionid", ""), entry("nickname", "ShopXO@纵之格"), entry("referrer", "128"));
    }

    @Test
    void logsAReturningUserInWithANewToken() {
        start();
        Answer first = client.postForm(WEIXIN, ApiClient.fields("auth_data", SEED_AUTH_DATA, "openid", SEED_OPENID));
        clock.advance(Duration.ofMinutes(5));

        Answer second = client.postForm(WEIXIN, ApiClient.fields(
                "auth_data", "{\"nickName\":\"另一个名字\"}", "openid", SEED_OPENID, "unionid", SEED_UNIONID, "referrer", "1"));

        assertThat(second.msg()).isEqualTo("授权成功");
        assertThat(second.data()).contains(entry("id", first.data().get("id")), entry("nickname", "ShopXO@纵之格"),
                entry("weixin_unionid", ""), entry("referrer", "0"), entry("add_time", "1637555366"),
                entry("upd_time", "1637555666"), entry("upd_time_text", "2021-11-22 12:34:26"));
        assertThat(second.data().get("token")).isNotEqualTo(first.data().get("token"));
        assertThat(stored(SEED_OPENID).token()).isEqualTo(second.data().get("token"));
        assertThat(store.count()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"2, 用户被禁止登录", "3, 用户等待审核中", "7, 用户状态有误"})
    void refusesAUserWhoseStatusForbidsLogin(int status, String msg) {
        start();
        store.put(user(42, SEED_OPENID, new UserStatus(status)));

        Answer answer = client.postForm(WEIXIN, ApiClient.fields("auth_data", SEED_AUTH_DATA, "openid", SEED_OPENID));

        assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        assertThat(answer.json()).containsExactly(entry("msg", msg), entry("code", -110), entry("data", List.of()));
        assertThat(stored(SEED_OPENID).token()).isEqualTo("token-42");
    }

    @Test
    void bindsANewOpenIdToTheUserOfTheSameUnionId() {
        start();
        store.put(withUnionId(user(5, "old-openid", UserStatus.NORMAL), SEED_UNIONID));

        Answer answer = client.postForm(WEIXIN, ApiClient.fields(
                "auth_data", SEED_AUTH_DATA, "openid", SEED_OPENID, "unionid", SEED_UNIONID));

        assertThat(answer.msg()).isEqualTo("绑定成功");
        assertThat(answer.code()).isZero();
        assertThat(answer.data()).contains(entry("id", "5"), entry("weixin_openid", SEED_OPENID),
                entry("weixin_unionid", SEED_UNIONID));
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void refusesToBindToAUserNotInGoodStanding() {
        start();
        store.put(withUnionId(user(5, "old-openid", UserStatus.MUTED), SEED_UNIONID));

        Answer answer = client.postForm(WEIXIN, ApiClient.fields(
                "auth_data", SEED_AUTH_DATA, "openid", SEED_OPENID, "unionid", SEED_UNIONID));

        assertThat(answer.json()).containsExactly(entry("msg", "用户待审核"), entry("code", -301), entry("data", List.of()));
        assertThat(store.count()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"128, 128", "00128, 128", "D4459443, 128", "d4459443, 128", "999, 0",
            "garbage, 0", "'', 0", "-128, 0", "99999999999999999999, 0", "NULL, 0"})
    void recordsTheReferrerOnlyWhenItNamesAnActiveUser(String referrer, String recorded) {
        start();
        store.put(user(128, "inviter-openid", UserStatus.NORMAL));
        var fields = ApiClient.fields("auth_data", SEED_AUTH_DATA, "openid", SEED_OPENID);
        if (referrer != null) {
            fields.put("referrer", referrer);
        }

        Answer answer = client.postForm(WEIXIN, fields);

        assertThat(answer.code()).isZero();
        assertThat(answer.data()).containsEntry("referrer", recorded);
    }

    @Test
    void readsAReferrerSentAsAJsonNumberOrQueryParameter() {
        start();
        store.put(user(128, "inviter-openid", UserStatus.NORMAL));

        Answer number = client.postJson(WEIXIN, "{\"auth_data\":" + quoted(SEED_AUTH_DATA) + ",\"openid\":\"a1\",\"referrer\":128}");
        Answer array = client.postJson(WEIXIN + "&referrer=128",
                "{\"auth_data\":" + quoted(SEED_AUTH_DATA) + ",\"openid\":\"a2\",\"referrer\":[128]}");
        Answer query = client.postForm(WEIXIN + "&referrer=D4459443", ApiClient.fields("auth_data", SEED_AUTH_DATA, "openid", "a3"));

        assertThat(number.data()).containsEntry("referrer", "128");
        assertThat(array.data()).containsEntry("referrer", "0");
        assertThat(query.data()).containsEntry("referrer", "128");
    }

    @Test
    void storesANewUserForAuditAndRefusesTheLogin() {
        start(new LoginSettings(true, false, true, false), WebAppFixture.defaultSettings());

        Answer answer = client.postForm(WEIXIN, ApiClient.fields("auth_data", SEED_AUTH_DATA, "openid", SEED_OPENID));

        assertThat(answer.json()).containsExactly(entry("msg", "用户等待审核中"), entry("code", -110), entry("data", List.of()));
        assertThat(store.count()).isEqualTo(1);
        assertThat(stored(SEED_OPENID).status()).isEqualTo(UserStatus.AWAITING_AUDIT);
        assertThat(stored(SEED_OPENID).token()).isEmpty();
    }

    @Test
    void answersTheUnsavedProfileWhenAMobileMustBeBoundFirst() {
        start(new LoginSettings(false, true, true, false), new WebSettings(ZoneId.of("Asia/Shanghai"), "", true));
        store.put(user(128, "inviter-openid", UserStatus.NORMAL));

        Answer answer = client.postForm(WEIXIN, ApiClient.fields("auth_data",
                "{\"nickName\":\"Tom\",\"gender\":1,\"avatarUrl\":\"\",\"province\":\"广东\",\"city\":\"深圳\"}",
                "openid", SEED_OPENID, "unionid", SEED_UNIONID, "referrer", "D4459443"));

        assertThat(answer.msg()).isEqualTo("授权成功");
        assertThat(answer.code()).isZero();
        assertThat(answer.data()).containsExactly(entry("weixin_openid", SEED_OPENID), entry("nickname", "Tom"),
                entry("avatar", client.baseUrl() + DEFAULT_AVATAR_PATH), entry("gender", "2"), entry("province", "广东"),
                entry("city", "深圳"), entry("mobile", ""), entry("referrer", "128"), entry("weixin_unionid", SEED_UNIONID),
                entry("gender_text", "男"), entry("mobile_security", ""), entry("user_name_view", "Tom"),
                entry("is_mandatory_bind_mobile", 1));
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void leavesTheUnionIdOutOfTheUnsavedProfileWhenNoneWasSent() {
        start(new LoginSettings(false, true, true, false), new WebSettings(null, "", true));

        Answer answer = client.postForm(WEIXIN, ApiClient.fields("auth_data", SEED_AUTH_DATA, "openid", SEED_OPENID));

        assertThat(List.copyOf(answer.data().keySet())).isEqualTo(List.of("weixin_openid", "nickname", "avatar", "gender",
                "province", "city", "mobile", "referrer", "gender_text", "mobile_security", "user_name_view",
                "is_mandatory_bind_mobile"));
        assertThat(store.count()).isZero();
    }

    @Test
    void tellsAReturningUserThatAMobileMustBeBound() {
        start(new LoginSettings(false, true, true, false), new WebSettings(null, "", true));
        store.put(user(42, SEED_OPENID, UserStatus.NORMAL));

        Answer answer = client.postForm(WEIXIN, ApiClient.fields("auth_data", SEED_AUTH_DATA, "openid", SEED_OPENID));

        assertThat(answer.data()).contains(entry("id", "42"), entry("is_mandatory_bind_mobile", 1));
    }

    static Stream<BadInput> badInputs() {
        String auth = SEED_AUTH_DATA;
        String route = "/api.php?s=user/appminiuserinfo&application=app";
        return Stream.of(
                BadInput.form(route + "&application_client_type=pc", "方法未定义[PcUserInfo]", "openid", "o", "auth_data", auth),
                BadInput.form(route, "方法未定义[PcUserInfo]", "openid", "o", "auth_data", auth),
                BadInput.form(route + "&application_client_type=+WAP+", "方法未定义[WapUserInfo]", "openid", "o", "auth_data", auth),
                BadInput.form(route + "&application_client_type=WeiXin2", "方法未定义[Weixin2UserInfo]", "openid", "o", "auth_data", auth),
                BadInput.form(route + "&application_client_type=" + "X".repeat(200), "方法未定义[X" + "x".repeat(29) + "UserInfo]",
                        "openid", "o", "auth_data", auth),
                BadInput.form(route + "&application_client_type[]=weixin", "方法未定义[PcUserInfo]", "openid", "o", "auth_data", auth),
                BadInput.form(route + "&application_client_type=web", "方法未定义[WebUserInfo]"),
                BadInput.form(WEIXIN, "openid为空", "auth_data", auth),
                BadInput.form(WEIXIN, "openid为空"),
                BadInput.form(WEIXIN, "openid为空", "openid", "", "auth_data", auth),
                BadInput.form(WEIXIN, "openid为空", "openid", "0", "auth_data", auth),
                BadInput.json(WEIXIN, "openid为空", "{\"openid\":0,\"auth_data\":" + quoted(auth) + "}"),
                BadInput.json(WEIXIN, "openid为空", "{\"openid\":null,\"auth_data\":" + quoted(auth) + "}"),
                BadInput.json(WEIXIN, "openid为空", "{\"openid\":[],\"auth_data\":" + quoted(auth) + "}"),
                BadInput.form(WEIXIN, "授权数据为空", "openid", "o"),
                BadInput.form(WEIXIN, "授权数据为空", "openid", "o", "auth_data", ""),
                BadInput.form(WEIXIN, "授权数据为空", "openid", "o", "auth_data", "0"),
                BadInput.json(WEIXIN, "授权数据为空", "{\"openid\":\"o\",\"auth_data\":{}}"),
                BadInput.json(WEIXIN, "授权数据为空", "{\"openid\":\"o\",\"auth_data\":[]}"),
                BadInput.json(WEIXIN, "授权数据为空", "{\"openid\":\"o\",\"auth_data\":false}"),
                BadInput.form(WEIXIN, "openid格式有误", "openid", "a b", "auth_data", auth),
                BadInput.form(WEIXIN, "openid格式有误", "openid", "abc ", "auth_data", auth),
                BadInput.form(WEIXIN, "openid格式有误", "openid", "o".repeat(61), "auth_data", auth),
                BadInput.form(WEIXIN, "openid格式有误", "openid", "微信用户", "auth_data", auth),
                BadInput.form(WEIXIN, "openid格式有误", "openid", "ab\u0001c", "auth_data", auth),
                BadInput.form(WEIXIN, "openid格式有误", "openid[]", "abc", "auth_data", auth),
                BadInput.form(WEIXIN, "openid格式有误", "openid[x]", "abc", "auth_data", "[1]"),
                BadInput.json(WEIXIN, "openid格式有误", "{\"openid\":{\"a\":\"b\"},\"auth_data\":" + quoted(auth) + "}"),
                BadInput.form(WEIXIN, "unionid格式有误", "openid", "o", "unionid[]", "u", "auth_data", auth),
                BadInput.form(WEIXIN, "unionid格式有误", "openid", "o", "unionid", "u u", "auth_data", auth),
                BadInput.form(WEIXIN, "unionid格式有误", "openid", "o", "unionid", "u".repeat(61), "auth_data", auth),
                BadInput.form(WEIXIN, "授权数据格式有误", "openid", "o", "auth_data", "[1,2]"),
                BadInput.form(WEIXIN, "授权数据格式有误", "openid", "o", "auth_data", "123"),
                BadInput.form(WEIXIN, "授权数据格式有误", "openid", "o", "auth_data", "\"text\""),
                BadInput.form(WEIXIN, "授权数据格式有误", "openid", "o", "auth_data", "true"),
                BadInput.form(WEIXIN, "授权数据格式有误", "openid", "o", "auth_data", "{\"nickName\":"),
                BadInput.form(WEIXIN, "授权数据格式有误", "openid", "o", "auth_data", " "),
                BadInput.form(WEIXIN, "授权数据格式有误", "openid", "o", "auth_data[]", "x"),
                BadInput.json(WEIXIN, "授权数据格式有误", "{\"openid\":\"o\",\"auth_data\":5}"),
                BadInput.json(WEIXIN, "授权数据格式有误", "{\"openid\":\"o\",\"auth_data\":[\"x\"]}"),
                BadInput.json(WEIXIN, "授权数据格式有误", "{\"openid\":\"o\",\"auth_data\":true}"),
                BadInput.form(WEIXIN.replace("weixin", "qq"), "解密数据为空", "openid", "o", "auth_data", "{\"iv\":\"x\"}"),
                BadInput.json(WEIXIN, "请求的JSON数据格式有误", "openid=o&auth_data=x"),
                BadInput.json(WEIXIN, "请求的JSON数据须为对象", "[\"o\"]"),
                BadInput.json(WEIXIN, "请求的JSON数据格式有误", "{\"openid\":1e999999999,\"auth_data\":" + quoted(auth) + "}"),
                BadInput.json(WEIXIN, "请求的JSON数据格式有误", "{\"openid\":\"o\",\"auth_data\":{\"nickName\":1e999999999}}"),
                BadInput.json(WEIXIN, "请求的JSON数据格式有误", "{\"openid\":\"o\",\"auth_data\":{\"nickName\":" + "9".repeat(65) + "}}"),
                BadInput.form(WEIXIN, "授权数据格式有误", "openid", "o", "auth_data", "{\"nickName\":1e999999999}"),
                BadInput.json(WEIXIN, "授权数据格式有误", "{\"openid\":\"o\",\"auth_data\":" + quoted("{\"nickName\":-1E-999999999}") + "}"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void refusesBadInputAndStoresNothing(BadInput input) {
        start();
        store.put(user(42, "someone-else", UserStatus.NORMAL));

        Answer answer = client.send("POST", input.pathAndQuery(), input.contentType(), input.body().getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        assertThat(answer.json()).containsExactly(entry("msg", input.msg()), entry("code", -1), entry("data", List.of()));
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.findById(new UserId(42))).contains(user(42, "someone-else", UserStatus.NORMAL));
    }

    @Test
    void readsHtmlEscapedAuthDataAndKeepsMarkupAsSent() {
        start();

        Answer escaped = client.postForm(WEIXIN, ApiClient.fields("openid", "o1", "auth_data",
                "{&quot;nickName&quot;:&quot;&lt;b&gt;Tom&lt;/b&gt;&quot;,&quot;gender&quot;:1,"
                        + "&quot;avatarUrl&quot;:&quot;https://x.cn/a.png?w=1&amp;amp;h=2&quot;}"));
        Answer raw = client.postForm(WEIXIN, ApiClient.fields("openid", "o2", "auth_data",
                "{\"nickName\":\"<b>Tom</b> &amp; 'Jerry'\",\"avatarUrl\":\"https://x.cn/a.png?w=1&amp;h=2\"}"));

        assertThat(escaped.data()).contains(entry("nickname", "<b>Tom</b>"), entry("gender", "2"), entry("gender_text", "男"),
                entry("avatar", "https://x.cn/a.png?w=1&h=2"));
        assertThat(raw.data()).contains(entry("nickname", "<b>Tom</b> &amp; 'Jerry'"), entry("avatar", "https://x.cn/a.png?w=1&h=2"));
    }

    @Test
    void readsAuthDataSentAsBracketedFormFields() {
        start();

        Answer answer = client.postForm(WEIXIN, ApiClient.fields("openid", "o1", "auth_data[nickName]", "张三",
                "auth_data[gender]", "2", "auth_data[avatarUrl]", "/static/upload/a.png", "auth_data[province]", "广东",
                "auth_data[city]", "深圳"));

        assertThat(answer.msg()).isEqualTo("授权成功");
        assertThat(answer.data()).contains(entry("nickname", "张三"), entry("gender", "1"), entry("gender_text", "女"),
                entry("avatar", client.baseUrl() + "/static/upload/a.png"), entry("province", "广东"), entry("city", "深圳"));
    }

    @Test
    void readsAMultipartForm() {
        start();
        Multipart form = new Multipart().field("application_client_type", "alipay").field("openid", "2088102")
                .field("auth_data", "{\"nickName\":\"支付宝用户\",\"avatar\":\"https://a.cn/b.png\",\"gender\":\"m\"}");

        Answer answer = client.send("POST", "/api.php?s=user/appminiuserinfo&application=app", form.contentType(), form.body());

        assertThat(answer.msg()).as(answer.body()).isEqualTo("授权成功");
        assertThat(answer.data()).contains(entry("alipay_openid", "2088102"), entry("weixin_openid", ""),
                entry("nickname", "支付宝用户"), entry("avatar", "https://a.cn/b.png"), entry("gender", "2"));
    }

    @Test
    void opensTheProfileQqSendsEncrypted() {
        start();

        Answer answer = client.postJson("/api.php?s=user/appminiuserinfo&application_client_type=QQ",
                "{\"openid\":\"qq-1\",\"auth_data\":{\"encrypted_data\":\"abc\",\"iv\":\"iv\"}}");

        assertThat(answer.msg()).as(answer.body()).isEqualTo("授权成功");
        assertThat(answer.data()).contains(entry("qq_openid", "qq-1"), entry("nickname", "QQ-abc"), entry("gender", "2"));
    }

    @Test
    void showsAKuaishouUserWithoutAKuaishouField() {
        start();

        Answer answer = client.postForm("/api.php?s=user/appminiuserinfo&application_client_type=kuaishou",
                ApiClient.fields("openid", "ks-1", "auth_data", "{\"nickName\":\"快手用户\"}"));

        assertThat(answer.msg()).isEqualTo("授权成功");
        assertThat(List.copyOf(answer.data().keySet())).isEqualTo(UserViewMapperTest.SEED_FIELDS);
        assertThat(store.findLiveByOpenId(SystemType.DEFAULT, Platform.KUAISHOU, new OpenId("ks-1"))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api.php?s=user/appminiuserinfo&",
            "/api.php?s=/User/AppMiniUserInfo.html&",
            "/api.php/user/appminiuserinfo?",
            "/api.php/USER/appMiniUserInfo.html?",
            "/api/user/appminiuserinfo?",
            "/api//user/appminiuserinfo.html?",
    })
    void answersOnEveryRouteForm(String route) {
        start();

        Answer answer = client.postForm(route + "application_client_type=weixin",
                ApiClient.fields("openid", SEED_OPENID, "auth_data", SEED_AUTH_DATA));

        assertThat(answer.msg()).isEqualTo("授权成功");
        assertThat(answer.data()).containsEntry("weixin_openid", SEED_OPENID);
    }

    @Test
    void answersWhatIsNotTheEndpointWithAnEnvelope() {
        start();
        var fields = ApiClient.fields("openid", SEED_OPENID, "auth_data", SEED_AUTH_DATA);

        Answer unknown = client.postForm("/api.php?s=user/appminiuserinfox&application_client_type=weixin", fields);
        Answer put = client.send("PUT", WEIXIN, "application/x-www-form-urlencoded",
                ApiClient.form(fields).getBytes(StandardCharsets.UTF_8));
        Answer garbage = client.send("POST", WEIXIN, "application/json", "\u00ff\u00fe<html>".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(unknown.json()).containsExactly(entry("msg", "接口不存在[user/appminiuserinfox]"), entry("code", -1000),
                entry("data", List.of()));
        assertThat(put.json()).containsExactly(entry("msg", "不支持的请求方式[PUT]"), entry("code", -1), entry("data", List.of()));
        assertThat(garbage.json()).containsExactly(entry("msg", "请求的JSON数据格式有误"), entry("code", -1), entry("data", List.of()));
        for (Answer answer : List.of(unknown, put, garbage)) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        }
        assertThat(store.count()).isZero();
    }

    @Test
    void answersAFailingUseCaseWithoutItsDetails() {
        startWith(command -> {
            throw new IllegalStateException("jdbc:mysql://db.internal/shop refused the connection");
        }, WebAppFixture.defaultSettings());

        Answer answer = client.postForm(WEIXIN, ApiClient.fields("openid", SEED_OPENID, "auth_data", SEED_AUTH_DATA));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(JSON_UTF8);
        assertThat(answer.json()).containsExactly(entry("msg", "系统繁忙，请稍后再试"), entry("code", -1), entry("data", List.of()));
        assertThat(answer.body()).doesNotContain("jdbc", "Exception", "at io.");
    }

    @Test
    void answersAFailingPortWithoutItsDetails() {
        start();

        Answer answer = client.postJson("/api.php?s=user/appminiuserinfo&application_client_type=qq",
                "{\"openid\":\"qq-1\",\"auth_data\":{\"encrypted_data\":\"boom\",\"iv\":\"iv\"}}");

        assertThat(answer.json()).containsExactly(entry("msg", "系统繁忙，请稍后再试"), entry("code", -1), entry("data", List.of()));
        assertThat(store.count()).isZero();
    }

    @Test
    void showsTheDefaultAvatarOfTheRequestsHostWhenThereIsNone() {
        start();

        Answer answer = client.postForm(WEIXIN, ApiClient.fields("openid", "o1", "auth_data", "{\"nickName\":\"Tom\",\"avatarUrl\":\"\"}"));

        assertThat(answer.data()).containsEntry("avatar", client.baseUrl() + DEFAULT_AVATAR_PATH);
        assertThat(stored("o1").avatar()).isEmpty();
    }

    @Test
    void showsTheConfiguredDefaultAvatarWhenThereIsNone() {
        start(LoginSettings.DEFAULT, new WebSettings(null, "https://cdn.example.com/default.jpg", false));

        Answer none = client.postForm(WEIXIN, ApiClient.fields("openid", "o1", "auth_data", "{\"nickName\":\"Tom\"}"));
        Answer own = client.postForm(WEIXIN, ApiClient.fields("openid", "o2", "auth_data", SEED_AUTH_DATA));

        assertThat(none.data()).containsEntry("avatar", "https://cdn.example.com/default.jpg");
        assertThat(own.data()).containsEntry("avatar", SEED_AVATAR);
    }

    @Test
    void dropsAnAvatarUrlTooLongToStore() {
        start();
        String tooLong = "https://x.cn/" + "a".repeat(250);

        Answer answer = client.postForm(WEIXIN, ApiClient.fields("openid", "o1", "auth_data",
                "{\"nickName\":\"Tom\",\"avatarUrl\":\"" + tooLong + "\"}"));

        assertThat(answer.data()).containsEntry("avatar", client.baseUrl() + DEFAULT_AVATAR_PATH);
    }

    private void start() {
        start(LoginSettings.DEFAULT, WebAppFixture.defaultSettings());
    }

    private void start(LoginSettings login, WebSettings web) {
        DecryptUserDataPort decrypt = (platform, openId, encryptedData, iv) -> {
            if (encryptedData.equals("boom")) {
                throw new IllegalStateException("session store unreachable");
            }
            return new Profile(platform.clientType().toUpperCase() + "-" + encryptedData, "", Gender.MALE, "", "");
        };
        startWith(LoginUseCases.create(store.ports(), new LoginUseCases.PlatformPorts(
                        (platform, code) -> {
                            throw new IllegalStateException("no code exchange here");
                        }, decrypt, (platform, openId, proof) -> {
                            throw new IllegalStateException("no phone binding here");
                        }),
                new LoginUseCases.StatePorts(new InMemorySessionKeys(), new InMemoryLoginCodeProofs(),
                        new InMemoryAttemptCounter(clock), new InMemoryVerifiedMobiles()),
                login, Map.of(), SuspectLane.Limit.TOKEN_LOOKUPS, Duration.ZERO, clock).logIn(), web);
    }

    private void startWith(LogInMiniProgramUserUseCase useCase, WebSettings web) {
        app = WebAppFixture.create(Map.of(LogInMiniProgramUserEndpoint.ROUTE,
                new LogInMiniProgramUserEndpoint(useCase, new ShopxoUserRoutes(ClientChannels.SHOPXO_V2,
                        new ShopxoV2Answers(new LoginOutcomeAnswers(new UserViewMapper(web))))))).start("127.0.0.1", 0);
        client = new ApiClient(app);
    }

    private User stored(String weixinOpenId) {
        return store.findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, new OpenId(weixinOpenId)).orElseThrow();
    }

    private static User user(long id, String weixinOpenId, UserStatus status) {
        return new User(new UserId(id), new PlatformIdentities(Map.of(Platform.WEIXIN, weixinOpenId), Map.of(), ""),
                status, "token-" + id, "", "user " + id, "", "", Gender.SECRET, "", "", "", 0, "", 0, 0, 0, 0, 1_600_000_000L, 0);
    }

    private static User withUnionId(User user, String unionId) {
        return new User(user.id(), new PlatformIdentities(user.identities().openIds(), Map.of(Platform.WEIXIN, unionId), ""),
                user.status(), user.token(), user.username(), user.nickname(), user.mobile(), user.email(), user.gender(),
                user.avatar(), user.province(), user.city(), user.birthday(), user.address(), user.integral(),
                user.lockingIntegral(), user.referrer(), user.deleteTime(), user.addTime(), user.updTime());
    }

    /** A JSON string literal holding the text. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    record BadInput(String pathAndQuery, String contentType, String body, String msg) {
        static BadInput form(String pathAndQuery, String msg, String... fields) {
            return new BadInput(pathAndQuery, "application/x-www-form-urlencoded", ApiClient.form(ApiClient.fields(fields)), msg);
        }

        static BadInput json(String pathAndQuery, String msg, String body) {
            return new BadInput(pathAndQuery, "application/json", body, msg);
        }

        @Override
        public String toString() {
            return msg + " <- " + body;
        }
    }
}
