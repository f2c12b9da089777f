package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.stub.EveryPlatformStub;
import io.minipass.adapters.platforms.stub.EveryPlatformStub.AlipayGrant;
import io.minipass.adapters.platforms.stub.EveryPlatformStub.App;
import io.minipass.adapters.platforms.stub.EveryPlatformStub.Session;
import io.minipass.bootstrap.ServiceClient.Answer;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.minipass.domain.user.Platform.ALIPAY;
import static io.minipass.domain.user.Platform.BAIDU;
import static io.minipass.domain.user.Platform.KUAISHOU;
import static io.minipass.domain.user.Platform.QQ;
import static io.minipass.domain.user.Platform.TOUTIAO;
import static io.minipass.domain.user.Platform.WEIXIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CONTRACT §1's flow on all six platforms, over HTTP against the whole service on an in-memory H2
 * database: {@code user/appminiuserauth} with the platform's login code (every platform's
 * code-to-session API stubbed on 127.0.0.1), then {@code user/appminiuserinfo} with the openid it
 * answered and the profile as that platform's client sends it, then {@code user/tokenuserinfo}.
 */
class EveryPlatformSystemTest {
    private static final App WEIXIN_APP = new App("wx5f1c0d2e3a4b6c7d", "wx-secret-every");
    private static final App QQ_APP = new App("1112223334", "qq-secret-every");
    private static final App TOUTIAO_APP = new App("tt0a1b2c3d4e5f6a7b", "tt-secret-every");
    private static final String BAIDU_APP_ID = "1000002";
    private static final App BAIDU_APP = new App("y2dTfnWfkx2OXttMEMWlGHoB1KzMogm7", "bd-secret-every");
    private static final App KUAISHOU_APP = new App("ks671234567890123", "ks-secret-every");
    private static final String ALIPAY_APP_ID = "2021000000000042";
    private static final KeyPair ALIPAY_APP_KEYS = EveryPlatformStub.rsaKeyPair();

    private static final List<String> OPENID_COLUMNS = List.of("alipay_openid", "weixin_openid", "weixin_web_openid",
            "baidu_openid", "toutiao_openid", "qq_openid");
    private static final String DEFAULT_AVATAR_PATH = "/static/index/default/images/default-user-avatar.jpg";
    private static final String IV = "r7BXXKkLb8qrSNn05n0qiA==";

    private final List<AutoCloseable> running = new ArrayList<>();
    private EveryPlatformStub stub;
    private MinipassServer server;
    private String dbUrl;

    @BeforeEach
    void startPlatforms() throws Exception {
        stub = new EveryPlatformStub(Map.of(WEIXIN, WEIXIN_APP, QQ, QQ_APP, TOUTIAO, TOUTIAO_APP, BAIDU, BAIDU_APP,
                KUAISHOU, KUAISHOU_APP, ALIPAY, new App(ALIPAY_APP_ID, "")), ALIPAY_APP_KEYS.getPublic());
        running.add(stub);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
    }

    // --- WeChat ---------------------------------------------------------------------------------

    @Test
    void wechat_registers_at_appminiuserauth_and_appminiuserinfo_then_logs_the_same_user_in() throws SQLException {
        String openId = "oWxEvery00000000000000001";
        String unionId = "oUnWxEvery0000000000001";
        stub.willAnswer(WEIXIN, "wx-every-1", new Session(openId, unionId, "3q2+7wEjRWeJq83vASNFZw=="));
        ServiceClient client = start(allPlatforms());
        assertThat(server.developmentPlatforms()).isEmpty();

        Answer auth = auth(client, WEIXIN, "wx-every-1");

        assertUserView(auth, "授权登录成功", true);
        JsonNode registered = auth.data();
        assertThat(registered.get("is_user_exist").asInt()).isEqualTo(1);
        assertOnlyOpenId(registered, "weixin_openid", openId);
        assertThat(registered.get("weixin_unionid").asText()).isEqualTo(unionId);
        assertThat(registered.get("nickname").asText()).isEqualTo("微信用户");
        assertThat(registered.get("avatar").asText()).endsWith(DEFAULT_AVATAR_PATH);
        assertThat(registered.get("gender_text").asText()).isEqualTo("保密");
        assertThat(auth.body()).doesNotContain("3q2+7wEjRWeJq83vASNFZw==").doesNotContain("session_key");

        Answer info = info(client, WEIXIN, Map.of("openid", openId, "unionid", unionId,
                "auth_data", ServiceClient.json(Map.of("nickName", "微信小明", "avatarUrl", "https://thirdwx.qlogo.cn/a/132", "gender", 1))));

        assertUserView(info, "授权成功", false);
        assertThat(info.data().get("id").asText()).isEqualTo(registered.get("id").asText());
        assertThat(info.data().get("token").asText()).isNotEqualTo(registered.get("token").asText());
        // a returning user's stored profile stays as it is (CONTRACT §4)
        assertThat(info.data().get("nickname").asText()).isEqualTo("微信用户");
        assertOnlyOpenId(info.data(), "weixin_openid", openId);

        Answer me = tokenUserInfo(client, info.data().get("token").asText());
        assertThat(me.code()).isZero();
        assertThat(me.data().get("id").asText()).isEqualTo(registered.get("id").asText());
        assertThat(tokenUserInfo(client, registered.get("token").asText()).code()).isEqualTo(-400);
        assertThat(values("SELECT id FROM sxo_user WHERE weixin_openid = ?", openId)).containsExactly(registered.get("id").asText());
    }

    @Test
    void wechat_in_the_two_step_flow_maps_nickName_avatarUrl_and_gender_1_to_male() {
        String openId = "oWxEvery00000000000000002";
        String unionId = "oUnWxEvery0000000000002";
        stub.willAnswer(WEIXIN, "wx-every-2", new Session(openId, unionId, "3q2+7wEjRWeJq83vASNFZw=="));
        Map<String, String> env = allPlatforms();
        env.put("MINIPASS_WEIXIN_AUTO_REGISTER", "false");
        ServiceClient client = start(env);

        Answer auth = auth(client, WEIXIN, "wx-every-2");

        assertThat(auth.code()).as(auth.body()).isZero();
        assertThat(auth.msg()).isEqualTo("授权登录成功");
        assertThat(fieldNames(auth.data())).containsExactly("is_user_exist", "openid", "unionid");
        assertThat(auth.data().get("is_user_exist").asInt()).isZero();
        assertThat(auth.data().get("openid").asText()).isEqualTo(openId);
        assertThat(auth.data().get("unionid").asText()).isEqualTo(unionId);

        Answer info = info(client, WEIXIN, Map.of("openid", openId, "unionid", unionId, "auth_data", ServiceClient.json(
                Map.of("nickName", "微信小明", "avatarUrl", "https://thirdwx.qlogo.cn/mmopen/vi_32/every/132", "gender", 1,
                        "province", "Guangdong", "city", "Shenzhen", "language", "zh_CN", "country", "China"))));

        assertUserView(info, "授权成功", false);
        JsonNode user = info.data();
        assertOnlyOpenId(user, "weixin_openid", openId);
        assertThat(user.get("weixin_unionid").asText()).isEqualTo(unionId);
        assertThat(user.get("nickname").asText()).isEqualTo("微信小明");
        assertThat(user.get("avatar").asText()).isEqualTo("https://thirdwx.qlogo.cn/mmopen/vi_32/every/132");
        assertThat(user.get("gender").asText()).isEqualTo("2");
        assertThat(user.get("gender_text").asText()).isEqualTo("男");
        assertThat(user.get("province").asText()).isEqualTo("Guangdong");
        assertThat(user.get("city").asText()).isEqualTo("Shenzhen");
        assertThat(user.get("user_name_view").asText()).isEqualTo("微信小明");
        assertSameUserByToken(client, user);
    }

    // --- Alipay ---------------------------------------------------------------------------------

    @Test
    void alipay_logs_in_by_open_id_with_its_avatar_key_and_gender_letters() throws SQLException {
        String openId = "074aEveryOpenIdAlipay00000000000000000001";
        stub.willGrantAlipay("ali-every-1", new AlipayGrant(openId, "2088000000000001", false));
        ServiceClient client = start(allPlatforms());

        Answer auth = auth(client, ALIPAY, "ali-every-1");

        assertThat(auth.code()).as(auth.body()).isZero();
        assertThat(fieldNames(auth.data())).containsExactly("is_user_exist", "openid");
        assertThat(auth.data().get("is_user_exist").asInt()).isZero();
        assertThat(auth.data().get("openid").asText()).isEqualTo(openId);

        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("nickName", "支付宝小宝");
        profile.put("avatar", "https://tfs.alipayobjects.com/images/partner/every.png");
        profile.put("avatarUrl", "https://not-alipay.example/ignored.png");
        profile.put("gender", "f");
        profile.put("province", "浙江省");
        profile.put("city", "杭州市");
        profile.put("countryCode", "CN");
        Answer info = info(client, ALIPAY, Map.of("openid", openId, "auth_data", ServiceClient.json(profile)));

        assertUserView(info, "授权成功", false);
        JsonNode user = info.data();
        assertOnlyOpenId(user, "alipay_openid", openId);
        assertThat(user.get("nickname").asText()).isEqualTo("支付宝小宝");
        assertThat(user.get("avatar").asText()).isEqualTo("https://tfs.alipayobjects.com/images/partner/every.png");
        assertThat(user.get("gender").asText()).isEqualTo("1");
        assertThat(user.get("gender_text").asText()).isEqualTo("女");
        assertThat(user.get("province").asText()).isEqualTo("浙江省");
        assertThat(user.get("city").asText()).isEqualTo("杭州市");
        assertSameUserByToken(client, user);
        assertThat(values("SELECT alipay_openid FROM sxo_user WHERE id = ?", user.get("id").asText())).containsExactly(openId);
        assertThat(values("SELECT id FROM sxo_user WHERE alipay_openid = ?", "2088000000000001")).isEmpty();

        Answer again = auth(client, ALIPAY, "ali-every-1");
        assertUserView(again, "授权登录成功", true);
        assertThat(again.data().get("is_user_exist").asInt()).isEqualTo(1);
        assertThat(again.data().get("id").asText()).isEqualTo(user.get("id").asText());
    }

    @Test
    void alipay_without_open_id_falls_back_to_user_id() throws SQLException {
        String userId = "2088000000000002";
        stub.willGrantAlipay("ali-every-2", new AlipayGrant("", userId, false));
        ServiceClient client = start(allPlatforms());

        Answer auth = auth(client, ALIPAY, "ali-every-2");
        assertThat(auth.data().get("openid").asText()).as(auth.body()).isEqualTo(userId);

        Answer info = info(client, ALIPAY, Map.of("openid", userId, "auth_data",
                ServiceClient.json(Map.of("nickName", "老用户", "avatar", "https://tfs.alipayobjects.com/images/partner/old.png", "gender", "M"))));

        assertUserView(info, "授权成功", false);
        assertOnlyOpenId(info.data(), "alipay_openid", userId);
        assertThat(info.data().get("gender").asText()).isEqualTo("2");
        assertThat(info.data().get("gender_text").asText()).isEqualTo("男");
        assertSameUserByToken(client, info.data());
        assertThat(values("SELECT alipay_openid FROM sxo_user WHERE id = ?", info.data().get("id").asText())).containsExactly(userId);
    }

    @Test
    void an_alipay_answer_not_signed_by_alipay_logs_nobody_in() throws SQLException {
        String openId = "074aForgedOpenIdAlipay0000000000000000001";
        stub.willGrantAlipay("ali-forged", new AlipayGrant(openId, "", true));
        ServiceClient client = start(allPlatforms());

        Answer auth = auth(client, ALIPAY, "ali-forged");

        assertThat(auth.code()).isEqualTo(-1);
        assertThat(auth.msg()).contains("签名验证失败");
        assertThat(auth.data().isArray()).isTrue();
        assertThat(auth.body()).doesNotContain(openId);
        assertThat(stub.calls(ALIPAY)).isEqualTo(1);
        assertThat(values("SELECT id FROM sxo_user WHERE alipay_openid = ?", openId)).isEmpty();
    }

    @Test
    void alipay_refuses_a_request_signed_with_a_key_it_does_not_know() {
        stub.willGrantAlipay("ali-every-3", new AlipayGrant("074aEveryOpenIdAlipay00000000000000000003", "", false));
        Map<String, String> env = allPlatforms();
        env.put("MINIPASS_ALIPAY_PRIVATE_KEY", pem(EveryPlatformStub.rsaKeyPair()));
        ServiceClient client = start(env);

        Answer auth = auth(client, ALIPAY, "ali-every-3");

        assertThat(auth.code()).isEqualTo(-1);
        assertThat(auth.msg()).contains("isv.invalid-signature");
    }

    // --- Baidu (its decryption is covered in depth by MinipassSystemTest) -------------------------

    @Test
    void baidu_opens_the_encrypted_profile_with_the_session_key_of_the_exchange() {
        String openId = "k9EveryOpenidBaidu000001";
        String sessionKey = "MWRmMDlkMGExNjc3ZGQ3MmI4MzI1YWVj";
        stub.willAnswer(BAIDU, "bd-every-1", new Session(openId, "", sessionKey));
        ServiceClient client = start(allPlatforms());

        Answer auth = auth(client, BAIDU, "bd-every-1");
        assertThat(auth.data().get("openid").asText()).as(auth.body()).isEqualTo(openId);
        String sealed = BaiduSeal.seal(sessionKey, IV, BAIDU_APP.appId(),
                "{\"openid\":\"" + openId + "\",\"nickname\":\"百度用户\",\"headimgurl\":\"https://b.example/a.jpg\",\"sex\":1}");
        Answer info = info(client, BAIDU, Map.of("openid", openId,
                "auth_data", ServiceClient.json(Map.of("encrypted_data", sealed, "iv", IV))));

        assertUserView(info, "授权成功", false);
        assertOnlyOpenId(info.data(), "baidu_openid", openId);
        assertThat(info.data().get("nickname").asText()).isEqualTo("百度用户");
        assertThat(info.data().get("gender_text").asText()).isEqualTo("男");
        assertSameUserByToken(client, info.data());
    }

    // --- QQ -------------------------------------------------------------------------------------

    @Test
    void qq_opens_the_encrypted_profile_sealed_for_the_shops_app() throws SQLException {
        String openId = "8A1B2C3D4E5F60718293A4B5C6D7E8F9";
        String unionId = "UID_qq_every_0001";
        String sessionKey = "ZGVtb3Nlc3Npb25rZXkxMg==";
        stub.willAnswer(QQ, "qq-every-1", new Session(openId, unionId, sessionKey));
        ServiceClient client = start(allPlatforms());

        Answer auth = auth(client, QQ, "qq-every-1");

        assertThat(auth.code()).as(auth.body()).isZero();
        assertThat(fieldNames(auth.data())).containsExactly("is_user_exist", "openid", "unionid");
        assertThat(auth.data().get("openid").asText()).isEqualTo(openId);
        assertThat(auth.data().get("unionid").asText()).isEqualTo(unionId);
        assertThat(auth.body()).doesNotContain(sessionKey);

        String sealed = WatermarkedSeal.seal(sessionKey, IV, "{\"openId\":\"" + openId + "\",\"nickName\":\"QQ小企鹅\",\"gender\":2,"
                + "\"avatarUrl\":\"https://thirdqq.qlogo.cn/g?b=oidb&k=every&s=100\",\"province\":\"广东\",\"city\":\"深圳\","
                + "\"country\":\"中国\",\"watermark\":{\"timestamp\":1700000000,\"appid\":\"" + QQ_APP.appId() + "\"}}");
        Answer info = info(client, QQ, Map.of("openid", openId, "unionid", unionId,
                "auth_data", ServiceClient.json(Map.of("encrypted_data", sealed, "iv", IV))));

        assertUserView(info, "授权成功", false);
        JsonNode user = info.data();
        assertOnlyOpenId(user, "qq_openid", openId);
        assertThat(user.get("qq_unionid").asText()).isEqualTo(unionId);
        assertThat(user.get("weixin_unionid").asText()).isEmpty();
        assertThat(user.get("nickname").asText()).isEqualTo("QQ小企鹅");
        assertThat(user.get("avatar").asText()).isEqualTo("https://thirdqq.qlogo.cn/g?b=oidb&k=every&s=100");
        assertThat(user.get("gender").asText()).isEqualTo("1");
        assertThat(user.get("gender_text").asText()).isEqualTo("女");
        assertThat(user.get("province").asText()).isEqualTo("广东");
        assertThat(user.get("city").asText()).isEqualTo("深圳");
        assertSameUserByToken(client, user);
        assertThat(values("SELECT qq_unionid FROM sxo_user WHERE qq_openid = ?", openId)).containsExactly(unionId);
    }

    @Test
    void a_qq_profile_sealed_for_another_app_is_refused_and_stores_nothing() throws SQLException {
        String openId = "8A1B2C3D4E5F60718293A4B5C6D7E8FA";
        String sessionKey = "cXFzZXNzaW9ua2V5MDAwMg==";
        stub.willAnswer(QQ, "qq-every-2", new Session(openId, "", sessionKey));
        ServiceClient client = start(allPlatforms());
        assertThat(auth(client, QQ, "qq-every-2").data().get("is_user_exist").asInt()).isZero();

        String foreign = WatermarkedSeal.seal(sessionKey, IV, "{\"openId\":\"" + openId + "\",\"nickName\":\"别人的\",\"gender\":1,"
                + "\"watermark\":{\"timestamp\":1700000000,\"appid\":\"1110009999\"}}");
        Answer refused = info(client, QQ, Map.of("openid", openId,
                "auth_data", ServiceClient.json(Map.of("encrypted_data", foreign, "iv", IV))));

        assertThat(refused.code()).isEqualTo(-1);
        assertThat(refused.msg()).isEqualTo("解密失败，请重新登录");
        assertThat(refused.data().isArray()).isTrue();
        assertThat(values("SELECT id FROM sxo_user WHERE qq_openid = ?", openId)).isEmpty();
        assertThat(auth(client, QQ, "qq-every-2").data().get("is_user_exist").asInt()).isZero();
    }

    // --- Toutiao --------------------------------------------------------------------------------

    @Test
    void toutiao_logs_in_with_the_unionid_of_the_v2_exchange() throws SQLException {
        String openId = "_000EveryOpenIdToutiao0001";
        String unionId = "1f2e3d4c-every-unionid";
        stub.willAnswer(TOUTIAO, "tt-every-1", new Session(openId, unionId, "Zm9vYmFyYmF6cXV4MTIzNA=="));
        ServiceClient client = start(allPlatforms());

        Answer auth = auth(client, TOUTIAO, "tt-every-1");

        assertThat(auth.code()).as(auth.body()).isZero();
        assertThat(fieldNames(auth.data())).containsExactly("is_user_exist", "openid", "unionid");
        assertThat(auth.data().get("openid").asText()).isEqualTo(openId);
        assertThat(auth.data().get("unionid").asText()).isEqualTo(unionId);
        assertThat(auth.body()).doesNotContain("Zm9vYmFyYmF6cXV4MTIzNA==");

        Answer info = info(client, TOUTIAO, Map.of("openid", openId, "unionid", unionId, "auth_data", ServiceClient.json(
                Map.of("nickName", "抖音用户", "avatarUrl", "https://p3.douyinpic.com/aweme/every.jpeg", "gender", 1,
                        "province", "北京", "city", "北京"))));

        assertUserView(info, "授权成功", false);
        JsonNode user = info.data();
        assertOnlyOpenId(user, "toutiao_openid", openId);
        assertThat(user.get("weixin_unionid").asText()).isEmpty();
        assertThat(user.get("qq_unionid").asText()).isEmpty();
        assertThat(user.get("nickname").asText()).isEqualTo("抖音用户");
        assertThat(user.get("avatar").asText()).isEqualTo("https://p3.douyinpic.com/aweme/every.jpeg");
        assertThat(user.get("gender").asText()).isEqualTo("2");
        assertThat(user.get("gender_text").asText()).isEqualTo("男");
        assertSameUserByToken(client, user);
        assertThat(values("SELECT external_id FROM sxo_minipass_user_identity WHERE user_id = ? AND platform = 'toutiao' AND kind = 'unionid'",
                user.get("id").asText())).containsExactly(unionId);
    }

    @Test
    void a_second_toutiao_openid_with_the_same_unionid_binds_to_the_user_but_a_wechat_one_does_not() {
        String unionId = "1f2e3d4c-shared-unionid";
        stub.willAnswer(TOUTIAO, "tt-every-2", new Session("_000EveryOpenIdToutiao0002", unionId, "Zm9vYmFyYmF6cXV4MTIzNA=="));
        stub.willAnswer(TOUTIAO, "tt-every-3", new Session("_000EveryOpenIdToutiao0003", unionId, "Zm9vYmFyYmF6cXV4MTIzNQ=="));
        stub.willAnswer(WEIXIN, "wx-every-3", new Session("oWxEvery00000000000000003", unionId, "3q2+7wEjRWeJq83vASNFZw=="));
        ServiceClient client = start(allPlatforms());
        auth(client, TOUTIAO, "tt-every-2");
        JsonNode first = info(client, TOUTIAO, Map.of("openid", "_000EveryOpenIdToutiao0002", "unionid", unionId,
                "auth_data", ServiceClient.json(Map.of("nickName", "头条甲", "gender", 2)))).data();
        String id = first.get("id").asText();

        // the client's two steps: appminiuserauth already recognises the unionid and binds the new openid
        Answer byAuth = auth(client, TOUTIAO, "tt-every-3");
        assertUserView(byAuth, "授权登录成功", true);
        assertThat(byAuth.data().get("is_user_exist").asInt()).isEqualTo(1);
        assertThat(byAuth.data().get("id").asText()).isEqualTo(id);
        assertThat(byAuth.data().get("toutiao_openid").asText()).isEqualTo("_000EveryOpenIdToutiao0003");
        assertThat(byAuth.data().get("nickname").asText()).isEqualTo("头条甲");

        // appminiuserinfo with an openid not seen yet and the same unionid binds too
        Answer byInfo = info(client, TOUTIAO, Map.of("openid", "_000EveryOpenIdToutiao0004", "unionid", unionId,
                "auth_data", ServiceClient.json(Map.of("nickName", "头条乙", "gender", 1))));
        assertUserView(byInfo, "绑定成功", false);
        assertThat(byInfo.data().get("id").asText()).isEqualTo(id);
        assertThat(byInfo.data().get("toutiao_openid").asText()).isEqualTo("_000EveryOpenIdToutiao0004");
        assertThat(byInfo.data().get("nickname").asText()).isEqualTo("头条甲");
        assertSameUserByToken(client, byInfo.data());

        // a unionid never binds across platforms (CONTRACT §4, §7)
        Answer wechat = auth(client, WEIXIN, "wx-every-3");
        assertUserView(wechat, "授权登录成功", true);
        assertThat(wechat.data().get("id").asText()).isNotEqualTo(id);
        assertOnlyOpenId(wechat.data(), "weixin_openid", "oWxEvery00000000000000003");
        assertThat(wechat.data().get("weixin_unionid").asText()).isEqualTo(unionId);
        assertThat(wechat.data().get("nickname").asText()).isEqualTo("微信用户");
        Answer toutiaoUser = tokenUserInfo(client, byInfo.data().get("token").asText());
        assertThat(toutiaoUser.data().get("weixin_openid").asText()).isEmpty();
        assertThat(toutiaoUser.data().get("weixin_unionid").asText()).isEmpty();
    }

    // --- Kuaishou -------------------------------------------------------------------------------

    @Test
    void kuaishou_logs_in_with_gender_always_secret_and_no_openid_in_the_view() throws SQLException {
        String openId = "f0e1d2c3b4a5968778695a4b3c2d1e0f";
        stub.willAnswer(KUAISHOU, "ks-every-1", new Session(openId, "", "a3VhaXNob3VkZW1va2V5MQ=="));
        ServiceClient client = start(allPlatforms());

        Answer auth = auth(client, KUAISHOU, "ks-every-1");

        assertThat(auth.code()).as(auth.body()).isZero();
        assertThat(fieldNames(auth.data())).containsExactly("is_user_exist", "openid");
        assertThat(auth.data().get("openid").asText()).isEqualTo(openId);

        Answer info = info(client, KUAISHOU, Map.of("openid", openId, "auth_data", ServiceClient.json(
                Map.of("nickName", "快手老铁", "avatarUrl", "https://p2.a.yximgs.com/uhead/every.jpg", "gender", 1,
                        "province", "黑龙江", "city", "哈尔滨"))));

        assertUserView(info, "授权成功", false);
        JsonNode user = info.data();
        assertOnlyOpenId(user, null, null);
        assertThat(user.toString()).doesNotContain(openId).doesNotContain("kuaishou");
        assertThat(user.get("nickname").asText()).isEqualTo("快手老铁");
        assertThat(user.get("avatar").asText()).isEqualTo("https://p2.a.yximgs.com/uhead/every.jpg");
        assertThat(user.get("gender").asText()).isEqualTo("0");
        assertThat(user.get("gender_text").asText()).isEqualTo("保密");
        assertThat(user.get("city").asText()).isEqualTo("哈尔滨");
        assertSameUserByToken(client, user);
        assertThat(values("SELECT external_id FROM sxo_minipass_user_identity WHERE user_id = ? AND platform = 'kuaishou' AND kind = 'openid'",
                user.get("id").asText())).containsExactly(openId);

        Answer again = auth(client, KUAISHOU, "ks-every-1");
        assertUserView(again, "授权登录成功", true);
        assertThat(again.data().get("id").asText()).isEqualTo(user.get("id").asText());
    }

    // --- Platforms without credentials ----------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Platform.class)
    void in_production_a_platform_without_credentials_is_not_configured(Platform platform) {
        Map<String, String> env = h2Environment();
        env.put("MINIPASS_PROFILE", "production");
        ServiceClient client = start(env);

        Answer auth = auth(client, platform, "any-code");

        assertThat(auth.code()).isEqualTo(-1);
        assertThat(auth.msg()).contains("未配置");
        assertThat(auth.data().isArray()).isTrue();
        assertThat(server.developmentPlatforms()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void in_development_a_platform_without_credentials_is_served_by_the_development_gateway(Platform platform) {
        ServiceClient client = start(h2Environment());
        assertThat(server.developmentPlatforms()).containsExactlyInAnyOrder(Platform.values());

        Answer auth = auth(client, platform, "dev-code-1");

        assertThat(auth.code()).as(auth.body()).isZero();
        if (platform == WEIXIN) {
            assertThat(auth.data().get("is_user_exist").asInt()).isEqualTo(1);
            assertThat(auth.data().get("weixin_openid").asText()).startsWith("dev_");
        } else {
            assertThat(auth.data().get("is_user_exist").asInt()).isZero();
            String openId = auth.data().get("openid").asText();
            assertThat(openId).startsWith("dev_");
            assertThat(auth(client, platform, "dev-code-1").data().get("openid").asText()).isEqualTo(openId);
            assertThat(auth(client, platform, "dev-code-2").data().get("openid").asText()).startsWith("dev_").isNotEqualTo(openId);
        }
    }

    // --- Trust: nobody logs in as someone else (docs/security.md) --------------------------------

    @Test
    void every_baidu_decryption_failure_answers_the_same_bytes_and_a_few_drop_the_session_key() throws SQLException {
        String openId = "k9TrustOpenidBaidu000001";
        String sessionKey = "MWRmMDlkMGExNjc3ZGQ3MmI4MzI1YWVj";
        stub.willAnswer(BAIDU, "bd-trust-1", new Session(openId, "", sessionKey));
        ServiceClient client = start(production(allPlatforms()));
        assertThat(auth(client, BAIDU, "bd-trust-1").data().get("is_user_exist").asInt()).isZero();
        String profile = "{\"openid\":\"" + openId + "\",\"nickname\":\"百度小明\",\"sex\":1}";
        String genuine = BaiduSeal.seal(sessionKey, IV, BAIDU_APP.appId(), profile);
        byte[] tampered = Base64.getDecoder().decode(genuine);
        tampered[tampered.length - 1] ^= 0x5a;
        String badPadding = Base64.getEncoder().encodeToString(tampered);
        String otherAppKey = BaiduSeal.seal(sessionKey, IV, "another-apps-key-0000000000000000", profile);

        Answer padding = info(client, BAIDU, sealedProfile(openId, badPadding));
        Answer foreign = info(client, BAIDU, sealedProfile(openId, otherAppKey));

        assertThat(padding.code()).isEqualTo(-1);
        assertThat(padding.msg()).isEqualTo("解密失败，请重新登录");
        assertThat(foreign.body()).isEqualTo(padding.body());
        assertThat(foreign.status()).isEqualTo(padding.status());
        for (int failure = 3; failure <= 5; failure++) {
            assertThat(info(client, BAIDU, sealedProfile(openId, failure % 2 == 0 ? badPadding : otherAppKey)).body())
                    .isEqualTo(padding.body());
        }
        Answer afterwards = info(client, BAIDU, sealedProfile(openId, genuine));
        assertThat(afterwards.code()).isEqualTo(-1);
        assertThat(afterwards.msg()).isEqualTo("session key不存在");
        assertThat(values("SELECT id FROM sxo_user WHERE baidu_openid = ?", openId)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void in_production_a_made_up_openid_logs_nobody_in(Platform platform) throws SQLException {
        ServiceClient client = start(production(allPlatforms()));

        Answer answer = info(client, platform, Map.of("openid", "made-up-openid-0001", "unionid", "made-up-union",
                "auth_data", ServiceClient.json(Map.of("nickName", "冒充", "encrypted_data", "x", "iv", IV))));

        assertThat(answer.code()).isEqualTo(-1);
        assertThat(answer.msg()).isEqualTo("授权已失效，请重新授权");
        assertThat(values("SELECT id FROM sxo_user WHERE nickname = ?", "冒充")).isEmpty();
    }

    @Test
    void in_production_a_phone_binding_for_a_made_up_openid_is_refused_before_any_platform_call() throws SQLException {
        ServiceClient client = start(production(allPlatforms()));

        Answer answer = client.postJson("user/onekeyusermobilebind", query(WEIXIN),
                Map.of("openid", "oVictim000000000000000001", "code", "attackers-own-phone-code"));

        assertThat(answer.code()).isEqualTo(-1);
        assertThat(answer.msg()).isEqualTo("授权已失效，请重新授权");
        assertThat(values("SELECT id FROM sxo_user WHERE weixin_openid = ?", "oVictim000000000000000001")).isEmpty();
    }

    @Test
    void in_production_a_platform_without_credentials_logs_nobody_in_on_any_route_even_with_the_proof_off() throws SQLException {
        Map<String, String> env = production(h2Environment());
        env.put("MINIPASS_REQUIRE_LOGIN_PROOF", "false");
        ServiceClient client = start(env);

        assertThat(auth(client, ALIPAY, "any-code").msg()).startsWith("支付宝小程序未配置");
        Answer info = info(client, KUAISHOU, Map.of("openid", "ks-made-up", "auth_data", ServiceClient.json(Map.of("nickName", "x"))));
        assertThat(info.code()).isEqualTo(-1);
        assertThat(info.msg()).isEqualTo("快手小程序未配置");
        Answer bind = client.postJson("user/onekeyusermobilebind", query(BAIDU),
                Map.of("openid", "bd-made-up", "encrypted_data", "x", "iv", IV));
        assertThat(bind.msg()).isEqualTo("百度小程序未配置");
        assertThat(values("SELECT id FROM sxo_user WHERE id > ?", "0")).isEmpty();
    }

    @Test
    void a_proof_serves_one_login_and_a_client_sent_unionid_binds_nobody() throws SQLException {
        String victimOpenId = "8A1B2C3D4E5F60718293A4B5C6D7E801";
        String victimUnionId = "UID_TRUST_VICTIM_0001";
        String attackerOpenId = "8A1B2C3D4E5F60718293A4B5C6D7E802";
        stub.willAnswer(QQ, "qq-victim", new Session(victimOpenId, victimUnionId, "cXFzZXNzaW9ua2V5MDAwMQ=="));
        stub.willAnswer(QQ, "qq-attacker", new Session(attackerOpenId, "", "cXFzZXNzaW9ua2V5MDAwMg=="));
        ServiceClient client = start(production(allPlatforms()));
        auth(client, QQ, "qq-victim");
        Answer victim = info(client, QQ, sealedQqProfile(victimOpenId, victimUnionId, "cXFzZXNzaW9ua2V5MDAwMQ=="));
        assertThat(victim.msg()).isEqualTo("授权成功");
        assertThat(info(client, QQ, sealedQqProfile(victimOpenId, victimUnionId, "cXFzZXNzaW9ua2V5MDAwMQ==")).msg())
                .as("the same proof a second time").isEqualTo("授权已失效，请重新授权");

        auth(client, QQ, "qq-attacker");
        Answer attacker = info(client, QQ, sealedQqProfile(attackerOpenId, victimUnionId, "cXFzZXNzaW9ua2V5MDAwMg=="));

        assertThat(attacker.msg()).isEqualTo("授权成功");
        assertThat(attacker.data().get("id").asText()).isNotEqualTo(victim.data().get("id").asText());
        assertThat(attacker.data().get("qq_unionid").asText()).isEmpty();
        assertThat(values("SELECT qq_openid FROM sxo_user WHERE qq_unionid = ?", victimUnionId)).containsExactly(victimOpenId);
    }

    private Map<String, Object> sealedQqProfile(String openId, String clientUnionId, String sessionKey) {
        String sealed = WatermarkedSeal.seal(sessionKey, IV, "{\"openId\":\"" + openId + "\",\"nickName\":\"QQ用户\","
                + "\"gender\":1,\"watermark\":{\"timestamp\":1700000000,\"appid\":\"" + QQ_APP.appId() + "\"}}");
        return Map.of("openid", openId, "unionid", clientUnionId,
                "auth_data", ServiceClient.json(Map.of("encrypted_data", sealed, "iv", IV)));
    }

    private static Map<String, Object> sealedProfile(String openId, String encryptedData) {
        return Map.of("openid", openId, "auth_data", ServiceClient.json(Map.of("encrypted_data", encryptedData, "iv", IV)));
    }

    private static Map<String, String> production(Map<String, String> environment) {
        environment.put("MINIPASS_PROFILE", "production");
        environment.remove("MINIPASS_REQUIRE_LOGIN_PROOF"); // production's own default: the proof on
        return environment;
    }

    // --- helpers --------------------------------------------------------------------------------

    private Map<String, String> h2Environment() {
        dbUrl = "jdbc:h2:mem:every_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        Map<String, String> env = new HashMap<>();
        env.put("MINIPASS_PORT", "0");
        env.put("MINIPASS_HOST", "127.0.0.1");
        env.put("MINIPASS_DB_URL", dbUrl);
        return env;
    }

    /** Every platform's credentials, each platform's API at the stub. */
    private Map<String, String> allPlatforms() {
        Map<String, String> env = h2Environment();
        for (Map.Entry<Platform, App> app : Map.of(WEIXIN, WEIXIN_APP, QQ, QQ_APP, TOUTIAO, TOUTIAO_APP, KUAISHOU, KUAISHOU_APP).entrySet()) {
            env.put(setting(app.getKey(), "APPID"), app.getValue().appId());
            env.put(setting(app.getKey(), "SECRET"), app.getValue().secret());
        }
        env.put(setting(BAIDU, "APPID"), BAIDU_APP_ID);
        env.put(setting(BAIDU, "APPKEY"), BAIDU_APP.appId());
        env.put(setting(BAIDU, "SECRET"), BAIDU_APP.secret());
        env.put(setting(ALIPAY, "APPID"), ALIPAY_APP_ID);
        env.put(setting(ALIPAY, "PRIVATE_KEY"), pem(ALIPAY_APP_KEYS));
        env.put(setting(ALIPAY, "PUBLIC_KEY"), stub.alipayPublicKey());
        for (Platform platform : Platform.values()) {
            env.put(setting(platform, "BASE_URL"), stub.baseUrl(platform));
        }
        env.put("MINIPASS_REQUIRE_LOGIN_PROOF", "false");
        return env;
    }

    private static String setting(Platform platform, String name) {
        return "MINIPASS_" + platform.clientType().toUpperCase() + "_" + name;
    }

    /** The app private key as Alipay's key tool writes it for Java: PKCS#8 PEM. */
    private static String pem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private ServiceClient start(Map<String, String> environment) {
        server = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), environment)));
        running.add(0, server);
        return new ServiceClient(server.port());
    }

    /** As ShopXO's uni-app client sends it: the common parameters and the referrer in the query. */
    private static String query(Platform platform) {
        return "application=app&application_client_type=" + platform.clientType()
                + "&application_client_brand=devtools&system_type=default&uuid=every-0001&lang=zh&referrer=0";
    }

    private static Answer auth(ServiceClient client, Platform platform, String code) {
        return client.postJson("user/appminiuserauth", query(platform), Map.of("authcode", code));
    }

    private static Answer info(ServiceClient client, Platform platform, Map<String, ?> body) {
        return client.postJson("user/appminiuserinfo", query(platform), body);
    }

    private static Answer tokenUserInfo(ServiceClient client, String token) {
        return client.get("/api.php?s=user/tokenuserinfo&token=" + token);
    }

    /** A logged-in user's view: exactly the seed's fields (plus {@code is_user_exist} from appminiuserauth). */
    private static void assertUserView(Answer answer, String msg, boolean fromAuth) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.code()).as(answer.body()).isZero();
        assertThat(answer.msg()).isEqualTo(msg);
        List<String> expected = new ArrayList<>(MinipassSystemTest.SEED_FIELDS);
        if (fromAuth) {
            expected.add("is_user_exist");
        }
        assertThat(fieldNames(answer.data())).containsExactlyElementsOf(expected);
        assertThat(answer.data().get("id").asText()).matches("[1-9][0-9]*");
        assertThat(answer.data().get("token").asText()).matches("[0-9a-f]{32}");
        assertThat(answer.data().get("status").asText()).isEqualTo("0");
    }

    /** The openid sits in its platform's column and every other openid column is empty ({@code column} null: all empty). */
    private static void assertOnlyOpenId(JsonNode user, String column, String openId) {
        for (String other : OPENID_COLUMNS) {
            assertThat(user.get(other).asText()).as(other).isEqualTo(other.equals(column) ? openId : "");
        }
    }

    private static void assertSameUserByToken(ServiceClient client, JsonNode user) {
        Answer me = tokenUserInfo(client, user.get("token").asText());
        assertThat(me.code()).as(me.body()).isZero();
        assertThat(fieldNames(me.data())).containsExactlyElementsOf(MinipassSystemTest.SEED_FIELDS);
        for (String field : List.of("id", "nickname", "avatar", "gender", "province", "city", "token")) {
            assertThat(me.data().get(field).asText()).as(field).isEqualTo(user.get(field).asText());
        }
        for (String column : OPENID_COLUMNS) {
            assertThat(me.data().get(column).asText()).as(column).isEqualTo(user.get(column).asText());
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    /** The first column of every row the query finds in the service's database. */
    private List<String> values(String sql, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(dbUrl, "sa", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Object value = rows.getObject(1);
                    values.add(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value));
                }
            }
            return values;
        }
    }
}
