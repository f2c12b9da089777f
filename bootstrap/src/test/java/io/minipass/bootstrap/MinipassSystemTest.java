package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigException;
import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.stub.PlatformStub;
import io.minipass.bootstrap.ServiceClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole service as {@code Main} wires it, on an embedded H2 database, talked to over HTTP,
 * with the platforms' code-to-session APIs stubbed on 127.0.0.1.
 */
class MinipassSystemTest {
    static final String SEED_AUTH_DATA = "{\"nickName\":\"ShopXO@纵之格\",\"gender\":0,\"language\":\"zh_CN\",\"city\":\"\","
            + "\"province\":\"\",\"country\":\"\",\"avatarUrl\":\"https://thirdwx.qlogo.cn/mmopen/vi_32/"
            + "Q0j4TwGTfTLyAtj7FMjZYFhr3FADapWV8TibSNWVRVYFmAEJGg4bYgw0WMx4cibF7RoKhv3iavOXGoobzWicE0M6Lg/132\"}";
    static final List<String> SEED_FIELDS = List.of("id", "alipay_openid", "weixin_openid", "weixin_unionid",
            "weixin_web_openid", "baidu_openid", "toutiao_openid", "qq_openid", "qq_unionid", "status", "token",
            "username", "nickname", "mobile", "email", "gender", "avatar", "province", "city", "birthday", "address",
            "integral", "locking_integral", "referrer", "is_delete_time", "add_time", "upd_time", "add_time_text",
            "upd_time_text", "gender_text", "birthday_text", "mobile_security", "email_security", "user_name_view",
            "is_mandatory_bind_mobile");
    private static final String BAIDU_APP_KEY = "y2dTfnWfkx2OXttMEMWlGHoB1KzMogm7";

    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
    }

    private Map<String, String> h2Environment() {
        Map<String, String> env = new HashMap<>();
        env.put("MINIPASS_PORT", "0");
        env.put("MINIPASS_HOST", "127.0.0.1");
        env.put("MINIPASS_DB_URL", "jdbc:h2:mem:system_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        return env;
    }

    private ServiceClient start(Map<String, String> environment) {
        MinipassServer server = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), environment)));
        running.add(0, server);
        return new ServiceClient(server.port());
    }

    private PlatformStub stub() throws Exception {
        PlatformStub stub = new PlatformStub();
        running.add(stub);
        return stub;
    }

    static Map<String, String> seedForm() {
        return Map.of("auth_data", SEED_AUTH_DATA, "openid", "oB6US5SNOngn196qzb3lagEBTh6w", "referrer", "0",
                "unionid", "o1Ang5xo5tiJD-l7Y1kY7-hT6emk");
    }

    static void assertSeedAnswer(Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(answer.msg()).isEqualTo("授权成功");
        assertThat(answer.code()).isZero();
        JsonNode data = answer.data();
        List<String> fields = new ArrayList<>();
        data.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyElementsOf(SEED_FIELDS);
        for (String field : SEED_FIELDS.subList(0, SEED_FIELDS.size() - 1)) {
            assertThat(data.get(field).isTextual()).as(field).isTrue();
        }
        assertThat(data.get("is_mandatory_bind_mobile").isInt()).isTrue();
        assertThat(data.get("weixin_openid").asText()).isEqualTo("oB6US5SNOngn196qzb3lagEBTh6w");
        assertThat(data.get("weixin_unionid").asText()).isEqualTo("o1Ang5xo5tiJD-l7Y1kY7-hT6emk");
        assertThat(data.get("nickname").asText()).isEqualTo("ShopXO@纵之格");
        assertThat(data.get("user_name_view").asText()).isEqualTo("ShopXO@纵之格");
        assertThat(data.get("gender_text").asText()).isEqualTo("保密");
        assertThat(data.get("token").asText()).matches("[0-9a-f]{32}");
        assertThat(data.get("upd_time_text").asText()).isEqualTo("1970-01-01 08:00:00");
        assertThat(data.get("id").asText()).matches("[1-9][0-9]*");
    }

    @Test
    void the_seed_request_registers_and_answers_as_the_seed_shows() {
        ServiceClient client = start(h2Environment());

        Answer answer = client.postForm("user/appminiuserinfo", "application=app&application_client_type=weixin", seedForm());

        assertSeedAnswer(answer);
    }

    @Test
    void a_returning_user_gets_a_new_token_and_the_old_one_stops_working() {
        ServiceClient client = start(h2Environment());
        String query = "application=app&application_client_type=weixin";
        JsonNode first = client.postForm("user/appminiuserinfo", query, seedForm()).data();

        JsonNode second = client.postForm("user/appminiuserinfo", query, seedForm()).data();

        assertThat(second.get("id").asText()).isEqualTo(first.get("id").asText());
        assertThat(second.get("token").asText()).isNotEqualTo(first.get("token").asText());
        Answer old = client.get("/api.php?s=user/tokenuserinfo&token=" + first.get("token").asText());
        assertThat(old.code()).isEqualTo(-400);
        assertThat(old.msg()).isEqualTo("登录失效，请重新登录");
        Answer current = client.get("/api/user/tokenuserinfo?token=" + second.get("token").asText());
        assertThat(current.code()).isZero();
        assertThat(current.data().get("id").asText()).isEqualTo(first.get("id").asText());
    }

    @Test
    void the_wechat_client_logs_in_through_appminiuserauth_alone() throws Exception {
        PlatformStub platforms = stub();
        platforms.willAnswer("wx-code-1", new PlatformStub.Session("oWx0000000000000000000001", "uWx1", "3q2+7wEjRWeJq83vASNFZw=="));
        Map<String, String> env = h2Environment();
        env.put("MINIPASS_WEIXIN_APPID", "wx0000000000000001");
        env.put("MINIPASS_REQUIRE_LOGIN_PROOF", "false");
        env.put("MINIPASS_WEIXIN_SECRET", "secret");
        env.put("MINIPASS_WEIXIN_BASE_URL", platforms.baseUrl());
        ServiceClient client = start(env);
        String query = "application=app&application_client_type=weixin&referrer=0&system_type=default&uuid=x&lang=zh";

        Answer auth = client.postJson("user/appminiuserauth", query, Map.of("authcode", "wx-code-1"));
        Answer badCode = client.postJson("user/appminiuserauth", query, Map.of("authcode", "used-code"));

        assertThat(auth.code()).isZero();
        assertThat(auth.msg()).isEqualTo("授权登录成功");
        assertThat(auth.data().get("is_user_exist").asInt()).isEqualTo(1);
        assertThat(auth.data().get("nickname").asText()).isEqualTo("微信用户");
        assertThat(auth.data().get("weixin_unionid").asText()).isEqualTo("uWx1");
        assertThat(auth.body()).doesNotContain("3q2+7wEjRWeJq83vASNFZw==");
        assertThat(badCode.code()).isEqualTo(-1);
        assertThat(badCode.msg()).contains("40029");
        Answer me = client.postJson("user/tokenuserinfo", query, Map.of("token", auth.data().get("token").asText()));
        assertThat(me.data().get("weixin_openid").asText()).isEqualTo("oWx0000000000000000000001");
    }

    @Test
    void the_baidu_client_sends_an_encrypted_profile_that_the_service_opens() throws Exception {
        PlatformStub platforms = stub();
        String sessionKey = "MWRmMDlkMGExNjc3ZGQ3MmI4MzI1YWVj";
        platforms.willAnswer("bd-code-1", new PlatformStub.Session("k9DemoOpenidBaidu0000000", "", sessionKey));
        Map<String, String> env = h2Environment();
        env.put("MINIPASS_BAIDU_APPID", "1000001");
        env.put("MINIPASS_REQUIRE_LOGIN_PROOF", "false");
        env.put("MINIPASS_BAIDU_APPKEY", BAIDU_APP_KEY);
        env.put("MINIPASS_BAIDU_SECRET", "secret");
        env.put("MINIPASS_BAIDU_BASE_URL", platforms.baseUrl());
        ServiceClient client = start(env);
        String query = "application=app&application_client_type=baidu";

        Answer auth = client.postJson("user/appminiuserauth", query, Map.of("authcode", "bd-code-1"));
        assertThat(auth.data().get("is_user_exist").asInt()).isZero();
        assertThat(auth.data().get("openid").asText()).isEqualTo("k9DemoOpenidBaidu0000000");
        assertThat(auth.body()).doesNotContain(sessionKey);

        String iv = "MDEyMzQ1Njc4OWFiY2RlZg==";
        String sealed = BaiduSeal.seal(sessionKey, iv, BAIDU_APP_KEY,
                "{\"openid\":\"k9DemoOpenidBaidu0000000\",\"nickname\":\"百度用户\",\"headimgurl\":\"https://b.example/a.jpg\",\"sex\":2}");
        Answer info = client.postJson("user/appminiuserinfo", query, Map.of("openid", "k9DemoOpenidBaidu0000000",
                "auth_data", ServiceClient.json(Map.of("encrypted_data", sealed, "iv", iv))));

        assertThat(info.code()).as(info.body()).isZero();
        assertThat(info.data().get("nickname").asText()).isEqualTo("百度用户");
        assertThat(info.data().get("gender_text").asText()).isEqualTo("女");
        assertThat(info.data().get("baidu_openid").asText()).isEqualTo("k9DemoOpenidBaidu0000000");

        String forged = BaiduSeal.seal(sessionKey, iv, "another-app-key", "{\"nickname\":\"x\"}");
        Answer refused = client.postJson("user/appminiuserinfo", query, Map.of("openid", "k9SomeoneElse",
                "auth_data", ServiceClient.json(Map.of("encrypted_data", forged, "iv", iv))));
        assertThat(refused.code()).isEqualTo(-1);
        assertThat(refused.msg()).isEqualTo("session key不存在");
    }

    @Test
    void with_mandatory_binding_a_wechat_user_is_registered_only_with_a_verified_mobile() throws Exception {
        PlatformStub platforms = stub();
        platforms.willAnswer("wx-code-2", new PlatformStub.Session("oWx0000000000000000000002", "", "3q2+7wEjRWeJq83vASNFZw=="));
        platforms.willProvePhone("wx0000000000000001", "phone-code-1", "13800138000");
        Map<String, String> env = h2Environment();
        env.put("MINIPASS_WEIXIN_APPID", "wx0000000000000001");
        env.put("MINIPASS_REQUIRE_LOGIN_PROOF", "false");
        env.put("MINIPASS_WEIXIN_SECRET", "secret");
        env.put("MINIPASS_WEIXIN_BASE_URL", platforms.baseUrl());
        env.put("MINIPASS_MANDATORY_BIND_MOBILE", "true");
        ServiceClient client = start(env);
        String query = "application=app&application_client_type=weixin";

        Answer auth = client.postJson("user/appminiuserauth", query, Map.of("authcode", "wx-code-2"));
        assertThat(auth.data().get("is_user_exist").asInt()).isZero();
        Answer info = client.postJson("user/appminiuserinfo", query, Map.of("openid", "oWx0000000000000000000002",
                "auth_data", ServiceClient.json(Map.of("nickName", "绑定者", "gender", 1))));
        assertThat(info.data().get("is_mandatory_bind_mobile").asInt()).isEqualTo(1);
        assertThat(info.data().has("id")).isFalse();

        Answer badCode = client.postJson("user/onekeyusermobilebind", query, Map.of("openid", "oWx0000000000000000000002",
                "code", "stale-code"));
        assertThat(badCode.code()).isEqualTo(-1);
        assertThat(badCode.msg()).contains("40029");
        Answer bound = client.postJson("user/onekeyusermobilebind", query, Map.of("openid", "oWx0000000000000000000002",
                "code", "phone-code-1", "nickname", "绑定者", "gender", "2", "avatar", "", "province", "", "city", ""));

        assertThat(bound.code()).as(bound.body()).isZero();
        assertThat(bound.msg()).isEqualTo("绑定成功");
        assertThat(bound.data().get("mobile").asText()).isEqualTo("13800138000");
        assertThat(bound.data().get("mobile_security").asText()).isEqualTo("138***000");
        assertThat(bound.data().get("nickname").asText()).isEqualTo("绑定者");
        assertThat(bound.data().get("token").asText()).matches("[0-9a-f]{32}");
    }

    @Test
    void when_proof_is_required_only_openids_from_appminiuserauth_log_in() {
        Map<String, String> env = h2Environment();
        env.put("MINIPASS_REQUIRE_LOGIN_PROOF", "true");
        env.put("MINIPASS_WEIXIN_AUTO_REGISTER", "false");
        ServiceClient client = start(env);
        String query = "application=app&application_client_type=weixin";

        Answer guessed = client.postForm("user/appminiuserinfo", query, seedForm());
        assertThat(guessed.code()).isEqualTo(-1);
        assertThat(guessed.msg()).isEqualTo("授权已失效，请重新授权");

        Answer auth = client.postJson("user/appminiuserauth", query, Map.of("authcode", "dev-code"));
        String openId = auth.data().get("openid").asText();
        Answer info = client.postJson("user/appminiuserinfo", query,
                Map.of("openid", openId, "auth_data", SEED_AUTH_DATA));
        assertThat(info.code()).as(info.body()).isZero();
        assertThat(info.data().get("weixin_openid").asText()).isEqualTo(openId);
    }

    @Test
    void on_the_embedded_database_emoji_profiles_are_kept_up_to_every_limit() {
        ServiceClient client = start(h2Environment());
        String nickname = "😀".repeat(40);
        String longPlace = "🏙".repeat(70);

        Answer answer = client.postJson("user/appminiuserinfo", "application_client_type=weixin",
                Map.of("openid", "o-h2-emoji", "auth_data", ServiceClient.json(Map.of("nickName", nickname,
                        "province", longPlace, "city", longPlace))));

        assertThat(answer.code()).as(answer.body()).isZero();
        Answer again = client.get("/api.php?s=user/tokenuserinfo&token=" + answer.data().get("token").asText());
        assertThat(again.data().get("nickname").asText()).isEqualTo(nickname);
        assertThat(again.data().get("province").asText()).isEqualTo("🏙".repeat(60));
        assertThat(again.data().get("city").asText()).isEqualTo("🏙".repeat(60));
    }

    @Test
    void the_health_route_says_whether_the_database_answers() {
        ServiceClient client = start(h2Environment());

        Answer health = client.get("/api/minipass/health");

        assertThat(health.code()).isZero();
        assertThat(health.data().get("database").asText()).isEqualTo("up");
    }

    @Test
    void errors_are_json_envelopes() {
        ServiceClient client = start(h2Environment());

        assertThat(client.get("/api.php?s=user/nothing").code()).isEqualTo(-1000);
        assertThat(client.get("/no/such/page").code()).isEqualTo(-1000);
        Answer noOpenid = client.postForm("user/appminiuserinfo", "application_client_type=weixin", Map.of("auth_data", "{}"));
        assertThat(noOpenid.msg()).isEqualTo("openid为空");
        assertThat(noOpenid.data().isArray()).isTrue();
        assertThat(client.postForm("user/appminiuserinfo", "application_client_type=pc", seedForm()).msg())
                .isEqualTo("方法未定义[PcUserInfo]");
    }

    @Test
    void production_refuses_the_development_gateway() {
        Map<String, String> env = h2Environment();
        env.put("MINIPASS_PROFILE", "production");
        ServiceClient client = start(env);

        Answer answer = client.postJson("user/appminiuserauth", "application_client_type=weixin", Map.of("authcode", "x"));

        assertThat(answer.code()).isEqualTo(-1);
        assertThat(answer.msg()).contains("未配置");
    }

    @Test
    void bad_settings_stop_the_start_with_the_variable_named() {
        Map<String, String> env = h2Environment();
        env.put("MINIPASS_REGISTER_AUDIT", "maybe");

        assertThatThrownBy(() -> start(env)).isInstanceOf(ConfigException.class).hasMessageContaining("MINIPASS_REGISTER_AUDIT");
    }
}
