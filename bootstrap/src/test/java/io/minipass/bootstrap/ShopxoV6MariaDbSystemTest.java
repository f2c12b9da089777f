package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.stub.EveryPlatformStub;
import io.minipass.adapters.platforms.stub.EveryPlatformStub.AlipayGrant;
import io.minipass.adapters.platforms.stub.EveryPlatformStub.App;
import io.minipass.adapters.platforms.stub.EveryPlatformStub.Session;
import io.minipass.bootstrap.ServiceClient.Answer;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.minipass.bootstrap.UniAppClient.AUTH_LOGIN_KEYS;
import static io.minipass.bootstrap.UniAppClient.ID_COLUMNS;
import static io.minipass.bootstrap.UniAppClient.LOGIN_KEYS;
import static io.minipass.bootstrap.UniAppClient.SESSION_KEYS;
import static io.minipass.bootstrap.UniAppClient.assertUserView;
import static io.minipass.bootstrap.UniAppClient.dataTokens;
import static io.minipass.domain.user.Platform.ALIPAY;
import static io.minipass.domain.user.Platform.BAIDU;
import static io.minipass.domain.user.Platform.KUAISHOU;
import static io.minipass.domain.user.Platform.QQ;
import static io.minipass.domain.user.Platform.TOUTIAO;
import static io.minipass.domain.user.Platform.WEIXIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on a shop's MariaDB database in ShopXO v3.0–v6.7's layout (SHOPXO-V6.md): the two user tables
 * made from {@code shopxo-v6-user.sql} before the service starts, so the service detects the layout and answers as
 * ShopXO v6.7.1. Development profile (no login proof), every platform's API stubbed on 127.0.0.1 with
 * {@link EveryPlatformStub}; the client talks as ShopXO's uni-app client does ({@link UniAppClient}). One server for
 * the class: each test uses openids of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopxoV6MariaDbSystemTest {
    private static final App WEIXIN_APP = new App("wx6a1b2c3d4e5f6a7b", "wx-secret-v6");
    private static final App QQ_APP = new App("1112226667", "qq-secret-v6");
    private static final App TOUTIAO_APP = new App("tt6a1b2c3d4e5f6a7b", "tt-secret-v6");
    private static final String BAIDU_APP_ID = "1000066";
    private static final App BAIDU_APP = new App("V6BaiduAppKey0000000000000000066", "bd-secret-v6");
    private static final App KUAISHOU_APP = new App("ks661234567890123", "ks-secret-v6");
    private static final String ALIPAY_APP_ID = "2021000000000066";
    private static final KeyPair ALIPAY_APP_KEYS = EveryPlatformStub.rsaKeyPair();
    private static final String IV = "r7BXXKkLb8qrSNn05n0qiA==";
    private static final String WEIXIN_SESSION_KEY = "3q2+7wEjRWeJq83vASNFZw==";
    private static final String QQ_SESSION_KEY = "ZGVtb3Nlc3Npb25rZXkxMg==";
    private static final String BAIDU_SESSION_KEY = "MWRmMDlkMGExNjc3ZGQ3MmI4MzI1YWVj";

    private ShopxoV6Database shop;
    private EveryPlatformStub stub;
    private MinipassServer server;
    private UniAppClient client;

    @BeforeAll
    void start() throws Exception {
        shop = ShopxoV6Database.newMariaDbShop("minipass_v6");
        stub = new EveryPlatformStub(Map.of(WEIXIN, WEIXIN_APP, QQ, QQ_APP, TOUTIAO, TOUTIAO_APP, BAIDU, BAIDU_APP,
                KUAISHOU, KUAISHOU_APP, ALIPAY, new App(ALIPAY_APP_ID, "")), ALIPAY_APP_KEYS.getPublic());
        server = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), environment())));
        client = new UniAppClient(server.port());
    }

    @AfterAll
    void stop() throws Exception {
        ShopxoV6Database.closeAll(server, stub, shop);
    }

    // --- 1. every platform, as the client logs in ------------------------------------------------

    @ParameterizedTest
    @EnumSource(Platform.class)
    void every_platform_logs_in_as_shopxo_v6_answers_into_one_user_row_and_one_platform_row(Platform platform)
            throws SQLException {
        String openId = "o6Every" + platform.clientType() + "00000000001";
        String unionId = platform.hasUnionId() ? "u6Every" + platform.clientType() + "0001" : "";
        String code = "v6-every-" + platform.clientType();
        willExchange(platform, code, openId, unionId);

        Answer auth = client.auth(platform, code);

        JsonNode registered;
        if (platform == WEIXIN) {
            // WeChat registers at once, nicknamed 微信用户 (SHOPXO-V6.md §5)
            assertUserView(auth, "授权成功", AUTH_LOGIN_KEYS);
            assertThat(auth.data().get("is_user_exist").asInt()).isEqualTo(1);
            assertThat(auth.data().get("nickname").asText()).isEqualTo("微信用户");
            registered = auth.data();
        } else {
            assertThat(auth.code()).as(auth.body()).isZero();
            assertThat(auth.msg()).isEqualTo("授权登录成功");
            Map<String, JsonToken> newcomer = dataTokens(auth);
            assertThat(new ArrayList<>(newcomer.keySet())).containsExactlyElementsOf(
                    unionId.isEmpty() ? List.of("is_user_exist", "openid") : List.of("is_user_exist", "openid", "unionid"));
            assertThat(newcomer.get("is_user_exist")).isEqualTo(JsonToken.VALUE_NUMBER_INT);
            assertThat(auth.data().get("is_user_exist").asInt()).isZero();
            assertThat(auth.data().get("openid").asText()).isEqualTo(openId);
            assertThat(rowsHolding(platform, openId)).as("the exchange alone stores nobody").isZero();

            Answer info = client.info(platform, profile(platform, openId, unionId, "六号" + platform.clientType()));

            assertUserView(info, "授权成功", LOGIN_KEYS);
            assertThat(info.data().get("nickname").asText()).isEqualTo("六号" + platform.clientType());
            registered = info.data();
        }
        String id = registered.get("id").asText();
        String token = registered.get("token").asText();
        assertIdsOfChannel(registered, platform, openId, unionId);
        assertThat(registered.get("system_type").asText()).isEqualTo("default");
        assertThat(registered.get("platform").asText()).isEqualTo(platform.clientType());
        assertThat(registered.get("upd_time").asLong()).as("sxo_user.upd_time of a new user").isZero();
        assertThat(registered.get("is_mandatory_bind_mobile").asInt()).isZero();
        assertThat(registered.get("is_setup_pwd").asInt()).isZero();
        assertThat(registered.get("gender").asInt()).isEqualTo(storedGender(platform));
        assertThat(registered.get("user_name_view").asText()).isEqualTo(registered.get("nickname").asText());
        assertThat(registered.get("address_info").asText()).isEqualTo(registered.get("province").asText()
                + registered.get("city").asText() + registered.get("county").asText() + registered.get("address").asText());
        if (platform == WEIXIN) {
            assertThat(registered.get("avatar").asText())
                    .isEqualTo("http://127.0.0.1:" + server.port() + "/static/common/images/default-user-avatar-md.png");
        }
        String numberCode = registered.get("number_code").asText();
        assertThat(numberCode).hasSize(14).startsWith("8888").endsWith(id).matches("8888[1-9]*" + id);

        Map<String, String> userRow = shop.user(id);
        assertThat(userRow.get("number_code")).isEqualTo(numberCode);
        assertThat(userRow.get("upd_time")).isEqualTo("0");
        assertThat(userRow.get("nickname")).isEqualTo(registered.get("nickname").asText());
        assertThat(userRow.get("gender")).isEqualTo(String.valueOf(storedGender(platform)));
        List<Map<String, String>> rows = shop.platformRows(id);
        assertThat(rows).hasSize(1);
        assertPlatformRow(rows.get(0), "default", platform, openId, unionId, token);
        assertThat(rowsHolding(platform, openId)).isEqualTo(1);

        Answer me = client.tokenUserInfo(platform, token);
        assertUserView(me, "success", SESSION_KEYS);
        assertThat(me.data().get("id").asText()).isEqualTo(id);
        assertThat(me.data().get("token").asText()).isEqualTo(token);
        assertIdsOfChannel(me.data(), platform, openId, unionId);

        // a returning login: the platform row gets the token and upd_time, sxo_user is left as it is
        shop.update("UPDATE sxo_user_platform SET upd_time = upd_time - 100 WHERE user_id = ?", id);
        Map<String, String> before = shop.platformRows(id).get(0);

        Answer again = client.auth(platform, code);

        assertUserView(again, "授权登录成功", AUTH_LOGIN_KEYS);
        assertThat(again.data().get("is_user_exist").asInt()).isEqualTo(1);
        assertThat(again.data().get("id").asText()).isEqualTo(id);
        assertThat(again.data().get("number_code").asText()).isEqualTo(numberCode);
        assertThat(again.data().get("upd_time").asLong()).isZero();
        String newToken = again.data().get("token").asText();
        assertThat(newToken).isNotEqualTo(token);
        assertThat(shop.user(id).get("upd_time")).as("sxo_user.upd_time after a returning login").isEqualTo("0");
        List<Map<String, String>> after = shop.platformRows(id);
        assertThat(after).hasSize(1);
        assertPlatformRow(after.get(0), "default", platform, openId, unionId, newToken);
        assertThat(Long.parseLong(after.get(0).get("upd_time"))).isGreaterThan(Long.parseLong(before.get("upd_time")));
        assertThat(after.get(0).get("add_time")).isEqualTo(before.get("add_time"));
        assertThat(shop.userCount()).isEqualTo(shop.count("SELECT COUNT(DISTINCT user_id) FROM sxo_user_platform"));
        assertThat(client.tokenUserInfo(platform, token).code()).as("the replaced token").isEqualTo(-1);
    }

    // --- 2. ShopXO's PHP finds the user by the token ---------------------------------------------

    @Test
    void the_token_of_every_login_is_the_one_shopxos_php_finds_the_user_by() throws SQLException {
        String openId = "o6PhpLookup000000000000001";
        willExchange(WEIXIN, "v6-php-1", openId, "");

        Answer registered = client.auth(WEIXIN, "v6-php-1");
        assertUserView(registered, "授权成功", AUTH_LOGIN_KEYS);
        String id = registered.data().get("id").asText();
        String first = registered.data().get("token").asText();
        assertThat(shop.userShopxoFindsBy(first, "default", "weixin")).contains(id);

        Answer returning = client.auth(WEIXIN, "v6-php-1");
        assertUserView(returning, "授权登录成功", AUTH_LOGIN_KEYS);
        String second = returning.data().get("token").asText();
        assertThat(shop.userShopxoFindsBy(second, "default", "weixin")).contains(id);
        assertThat(shop.userShopxoFindsBy(first, "default", "weixin")).isEmpty();

        // another of the shop's client systems: the user gets a row of that (system_type, platform)
        Answer elsewhere = client.auth(WEIXIN, "app2", "zh", "v6-php-1");
        assertUserView(elsewhere, "授权登录成功", AUTH_LOGIN_KEYS);
        assertThat(elsewhere.data().get("id").asText()).isEqualTo(id);
        assertThat(elsewhere.data().get("system_type").asText()).isEqualTo("app2");
        assertThat(elsewhere.data().get("weixin_openid").asText()).isEqualTo(openId);
        String third = elsewhere.data().get("token").asText();
        assertThat(shop.userShopxoFindsBy(third, "app2", "weixin")).contains(id);
        assertThat(shop.userShopxoFindsBy(second, "default", "weixin")).as("the default system's token stays").contains(id);
        List<Map<String, String>> rows = shop.platformRows(id);
        assertThat(rows).hasSize(2);
        assertPlatformRow(rows.get(0), "default", WEIXIN, openId, "", second);
        assertPlatformRow(rows.get(1), "app2", WEIXIN, openId, "", third);
        assertThat(shop.userCount()).isEqualTo(shop.count("SELECT COUNT(DISTINCT user_id) FROM sxo_user_platform"));

        Answer me = client.post("tokenuserinfo", WEIXIN, "app2", "zh", third, Map.of());
        assertUserView(me, "success", SESSION_KEYS);
        assertThat(me.data().get("system_type").asText()).isEqualTo("app2");
    }

    @Test
    void system_type_and_the_client_type_are_read_from_the_query_never_from_a_json_body() throws SQLException {
        String openId = "o6JsonBodyChannel00000001";
        Map<String, Object> body = new LinkedHashMap<>(profile(KUAISHOU, openId, "", "通道"));
        body.put("system_type", "app3");
        body.put("application_client_type", "weixin");

        Answer answer = client.info(KUAISHOU, body);

        assertUserView(answer, "授权成功", LOGIN_KEYS);
        assertThat(answer.data().get("system_type").asText()).isEqualTo("default");
        assertThat(answer.data().get("platform").asText()).isEqualTo("kuaishou");
        List<Map<String, String>> rows = shop.platformRows(answer.data().get("id").asText());
        assertThat(rows).hasSize(1);
        assertPlatformRow(rows.get(0), "default", KUAISHOU, openId, "", answer.data().get("token").asText());
    }

    // --- 4. unionid merge ------------------------------------------------------------------------

    @Test
    void a_second_wechat_openid_with_the_same_unionid_is_the_same_user_with_a_platform_row_of_its_own() throws SQLException {
        String unionId = "u6MergeUnion000000000001";
        willExchange(WEIXIN, "v6-merge-1", "o6MergeFirst0000000000001", unionId);
        willExchange(WEIXIN, "v6-merge-2", "o6MergeSecond000000000001", unionId);
        Answer first = client.auth(WEIXIN, "v6-merge-1");
        assertUserView(first, "授权成功", AUTH_LOGIN_KEYS);
        String id = first.data().get("id").asText();
        long users = shop.userCount();

        Answer second = client.auth(WEIXIN, "v6-merge-2");

        assertUserView(second, "授权登录成功", AUTH_LOGIN_KEYS);
        assertThat(second.data().get("is_user_exist").asInt()).isEqualTo(1);
        assertThat(second.data().get("id").asText()).isEqualTo(id);
        assertThat(second.data().get("weixin_openid").asText()).isEqualTo("o6MergeSecond000000000001");
        assertThat(second.data().get("weixin_unionid").asText()).isEqualTo(unionId);
        assertThat(shop.userCount()).as("no second user").isEqualTo(users);
        List<Map<String, String>> rows = shop.platformRows(id);
        assertThat(rows).extracting(row -> row.get("weixin_openid"))
                .containsExactly("o6MergeFirst0000000000001", "o6MergeSecond000000000001");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("weixin_unionid")).isEqualTo(unionId);
            assertThat(row.get("system_type")).isEqualTo("default");
            assertThat(row.get("platform")).isEqualTo("weixin");
        });
        String token = second.data().get("token").asText();
        assertThat(shop.userShopxoFindsBy(token, "default", "weixin")).contains(id);
        assertThat(client.tokenUserInfo(WEIXIN, token).data().get("id").asText()).isEqualTo(id);

        Answer firstAgain = client.auth(WEIXIN, "v6-merge-1");
        assertUserView(firstAgain, "授权登录成功", AUTH_LOGIN_KEYS);
        assertThat(firstAgain.data().get("id").asText()).isEqualTo(id);
        assertThat(firstAgain.data().get("weixin_openid").asText()).isEqualTo("o6MergeFirst0000000000001");
        assertThat(shop.userCount()).isEqualTo(users);
    }

    // --- 5. statuses ---------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"1, 用户被禁止发言", "2, 用户被禁止登录", "3, 用户等待审核中", "9, 用户状态有误"})
    void only_status_0_logs_in_and_a_refused_login_writes_no_token(int status, String message) throws SQLException {
        String openId = "o6Status" + status + "0000000000000001";
        willExchange(WEIXIN, "v6-status-" + status, openId, "");
        willExchange(TOUTIAO, "v6-status-tt-" + status, openId, "");
        JsonNode registered = client.auth(WEIXIN, "v6-status-" + status).data();
        String id = registered.get("id").asText();
        JsonNode toutiao = client.info(TOUTIAO, profile(TOUTIAO, openId, "", "状态" + status)).data();
        shop.update("UPDATE sxo_user SET status = ? WHERE id IN (?, ?)", status, id, toutiao.get("id").asText());
        List<Map<String, String>> rowsBefore = shop.rows("SELECT * FROM sxo_user_platform WHERE user_id IN (?, ?) ORDER BY id",
                id, toutiao.get("id").asText());

        Answer byAuth = client.auth(WEIXIN, "v6-status-" + status);
        Answer byInfo = client.info(TOUTIAO, profile(TOUTIAO, openId, "", "状态" + status));
        Answer byAuthOfToutiao = client.auth(TOUTIAO, "v6-status-tt-" + status);

        for (Answer refused : List.of(byAuth, byInfo, byAuthOfToutiao)) {
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.code()).as(refused.body()).isEqualTo(-110);
            assertThat(refused.msg()).isEqualTo(message);
            assertThat(refused.body()).doesNotContain(registered.get("token").asText()).doesNotContain("\"token\"");
        }
        assertThat(shop.rows("SELECT * FROM sxo_user_platform WHERE user_id IN (?, ?) ORDER BY id",
                id, toutiao.get("id").asText())).as("tokens and upd_time untouched").isEqualTo(rowsBefore);
        assertThat(rowsHolding(WEIXIN, openId)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"is_delete_time", "is_logout_time"})
    void a_deleted_or_closed_user_logs_in_nowhere(String column) throws SQLException {
        String openId = "o6Gone" + column.substring(3, 9) + "0000000001";
        willExchange(WEIXIN, "v6-gone-wx-" + column, openId, "");
        willExchange(TOUTIAO, "v6-gone-tt-" + column, openId, "");
        JsonNode weixin = client.auth(WEIXIN, "v6-gone-wx-" + column).data();
        JsonNode toutiao = client.info(TOUTIAO, profile(TOUTIAO, openId, "", "要走了")).data();
        shop.update("UPDATE sxo_user SET " + column + " = 1767225600 WHERE id IN (?, ?)",
                weixin.get("id").asText(), toutiao.get("id").asText());
        List<Map<String, String>> goneRows = shop.rows("SELECT * FROM sxo_user_platform WHERE user_id IN (?, ?) ORDER BY id",
                weixin.get("id").asText(), toutiao.get("id").asText());

        Answer toutiaoAgain = client.auth(TOUTIAO, "v6-gone-tt-" + column);
        assertThat(toutiaoAgain.code()).as(toutiaoAgain.body()).isZero();
        assertThat(toutiaoAgain.data().get("is_user_exist").asInt()).as("nobody holds the openid").isZero();
        assertThat(client.tokenUserInfo(TOUTIAO, toutiao.get("token").asText()).code()).isEqualTo(-1);
        assertThat(client.tokenUserInfo(WEIXIN, weixin.get("token").asText()).code()).isEqualTo(-1);

        // WeChat registers an unknown openid: the gone user's openid is someone new (CONTRACT §4)
        Answer weixinAgain = client.auth(WEIXIN, "v6-gone-wx-" + column);
        assertUserView(weixinAgain, "授权成功", AUTH_LOGIN_KEYS);
        assertThat(weixinAgain.data().get("id").asText()).isNotEqualTo(weixin.get("id").asText());
        assertThat(shop.rows("SELECT * FROM sxo_user_platform WHERE user_id IN (?, ?) ORDER BY id",
                weixin.get("id").asText(), toutiao.get("id").asText())).as("the gone users' rows").isEqualTo(goneRows);
    }

    // --- 7. bad input stores nothing ---------------------------------------------------------

    @Test
    void an_openid_of_61_characters_is_refused_and_stores_nothing() throws SQLException {
        String tooLong = "o".repeat(61);
        willExchange(WEIXIN, "v6-too-long", tooLong, "");
        long users = shop.userCount();
        long rows = shop.platformRowCount();

        Answer info = client.info(TOUTIAO, Map.of("openid", tooLong, "auth_data", ServiceClient.json(Map.of("nickName", "长"))));
        Answer auth = client.auth(WEIXIN, "v6-too-long");

        for (Answer refused : List.of(info, auth)) {
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.code()).as(refused.body()).isEqualTo(-1);
        }
        assertThat(shop.userCount()).isEqualTo(users);
        assertThat(shop.platformRowCount()).isEqualTo(rows);
        assertThat(shop.count("SELECT COUNT(*) FROM sxo_user_platform WHERE weixin_openid LIKE 'ooooo%'"
                + " OR toutiao_openid LIKE 'ooooo%'")).isZero();
    }

    @Test
    void a_system_type_with_a_space_is_refused_and_stores_nothing() throws SQLException {
        willExchange(WEIXIN, "v6-space-st", "o6SpaceSystemType00000001", "");
        long users = shop.userCount();
        long rows = shop.platformRowCount();

        Answer info = client.post("appminiuserinfo", KUAISHOU, "my shop", "zh", "",
                Map.of("openid", "o6SpaceSystemType00000001", "auth_data", ServiceClient.json(Map.of("nickName", "空格"))));
        Answer auth = client.auth(WEIXIN, "my shop", "zh", "v6-space-st");

        for (Answer refused : List.of(info, auth)) {
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.code()).as(refused.body()).isEqualTo(-1);
        }
        assertThat(shop.userCount()).isEqualTo(users);
        assertThat(shop.platformRowCount()).isEqualTo(rows);
    }

    @Test
    void an_openid_of_spaces_is_refused_and_stores_nothing() throws SQLException {
        long users = shop.userCount();
        long rows = shop.platformRowCount();

        Answer answer = client.info(TOUTIAO, Map.of("openid", "   ", "auth_data", ServiceClient.json(Map.of("nickName", "空"))));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.code()).as(answer.body()).isEqualTo(-1);
        assertThat(shop.userCount()).isEqualTo(users);
        assertThat(shop.platformRowCount()).isEqualTo(rows);
    }

    @Test
    void an_openid_array_is_refused_and_stores_nothing() throws SQLException {
        long users = shop.userCount();
        long rows = shop.platformRowCount();
        String authData = ServiceClient.json(Map.of("nickName", "数组"));

        Answer form = client.http().postForm("user/appminiuserinfo", client.query(TOUTIAO, "default", "zh", ""),
                Map.of("openid[]", "x", "auth_data", authData));
        Answer json = client.info(TOUTIAO, Map.of("openid", List.of("x"), "auth_data", authData));

        for (Answer refused : List.of(form, json)) {
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.code()).as(refused.body()).isEqualTo(-1);
        }
        assertThat(shop.userCount()).isEqualTo(users);
        assertThat(shop.platformRowCount()).isEqualTo(rows);
    }

    @Test
    void auth_data_that_is_a_json_number_is_refused_and_stores_nothing() throws SQLException {
        long users = shop.userCount();
        long rows = shop.platformRowCount();

        Answer answer = client.http().postJsonText("user/appminiuserinfo", client.query(TOUTIAO, "default", "zh", ""),
                "{\"openid\":\"o6NumberAuthData000000001\",\"auth_data\":42}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.code()).as(answer.body()).isEqualTo(-1);
        assertThat(shop.userCount()).isEqualTo(users);
        assertThat(shop.platformRowCount()).isEqualTo(rows);
        assertThat(rowsHolding(TOUTIAO, "o6NumberAuthData000000001")).isZero();
    }

    @Test
    void ids_a_client_puts_in_auth_data_never_become_identities() throws SQLException {
        String openId = "o6Injector000000000000001";
        Map<String, Object> authData = new LinkedHashMap<>();
        authData.put("nickName", "injector");
        authData.put("alipay_openid", "2088victim0000001");
        authData.put("weixin_unionid", "uVictimUnion00000000000001");
        authData.put("qq_openid", "victimQqOpenid0000000000001");
        authData.put("mobile", "13800138066");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("openid", openId);
        body.put("auth_data", ServiceClient.json(authData));

        Answer answer = client.info(WEIXIN, "zh", body);

        assertThat(answer.code()).as(answer.body()).isZero();
        assertIdsOfChannel(answer.data(), WEIXIN, openId, "");
        assertThat(answer.data().get("mobile").asText()).isEmpty();
        assertThat(rowsHolding(ALIPAY, "2088victim0000001")).isZero();
        assertThat(rowsHolding(QQ, "victimQqOpenid0000000000001")).isZero();
        assertThat(shop.count("SELECT COUNT(*) FROM sxo_user_platform WHERE weixin_unionid = ?",
                "uVictimUnion00000000000001")).isZero();
        assertThat(shop.count("SELECT COUNT(*) FROM sxo_user WHERE mobile = ?", "13800138066")).isZero();
    }

    // --- 8. English --------------------------------------------------------------------------

    @Test
    void a_client_asking_for_english_gets_shopxos_english_messages() throws SQLException {
        String openId = "o6English0000000000000001";
        willExchange(KUAISHOU, "v6-english", openId, "");

        Answer registered = client.info(KUAISHOU, "en", profile(KUAISHOU, openId, "", "English"));
        assertUserView(registered, "Authorization Succeeded", LOGIN_KEYS);
        assertThat(registered.data().get("gender_text").asText()).isEqualTo("secrecy");

        Answer returning = client.auth(KUAISHOU, "default", "en", "v6-english");
        assertUserView(returning, "Auth login succeeded", AUTH_LOGIN_KEYS);

        Answer unknown = client.tokenUserInfo(KUAISHOU, "en", "0123456789abcdef0123456789abcdef");
        assertThat(unknown.code()).isEqualTo(-1);
        assertThat(unknown.msg()).isEqualTo("User information does not exist");
        Answer unknownInChinese = client.tokenUserInfo(KUAISHOU, "zh", "0123456789abcdef0123456789abcdef");
        assertThat(unknownInChinese.code()).isEqualTo(-1);
        assertThat(unknownInChinese.msg()).isEqualTo("用户信息不存在");

        Answer noOpenId = client.info(KUAISHOU, "en", Map.of("openid", "", "auth_data", "{}"));
        assertThat(noOpenId.code()).isEqualTo(-1);
        assertThat(noOpenId.msg()).isEqualTo("Openid is empty");

        shop.update("UPDATE sxo_user SET status = 2 WHERE id = ?", registered.data().get("id").asText());
        Answer banned = client.auth(KUAISHOU, "default", "en", "v6-english");
        assertThat(banned.code()).isEqualTo(-110);
        assertThat(banned.msg()).isEqualTo("User is prohibited from logging in");
    }

    // --- helpers --------------------------------------------------------------------------------

    private Map<String, String> environment() {
        Map<String, String> env = shop.serviceSettings();
        env.put("MINIPASS_DB_POOL_SIZE", "8");
        env.put("MINIPASS_REQUIRE_LOGIN_PROOF", "false");
        env.put("MINIPASS_BUDGET_CODE_EXCHANGE", "100000/1000/1m");
        env.put("MINIPASS_BUDGET_REGISTRATION", "100000/0/1m");
        env.put("MINIPASS_BUDGET_FAILED_TOKEN_LOOKUP", "100000/0/1m");
        for (Map.Entry<Platform, App> app : Map.of(WEIXIN, WEIXIN_APP, QQ, QQ_APP, TOUTIAO, TOUTIAO_APP,
                KUAISHOU, KUAISHOU_APP).entrySet()) {
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
        return env;
    }

    private static String setting(Platform platform, String name) {
        return "MINIPASS_" + platform.clientType().toUpperCase() + "_" + name;
    }

    private static String pem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** The platform's API answers this openid (and unionid, "" for none) for the login code. */
    private void willExchange(Platform platform, String code, String openId, String unionId) {
        switch (platform) {
            case ALIPAY -> stub.willGrantAlipay(code, new AlipayGrant(openId, "", false));
            case WEIXIN -> stub.willAnswer(platform, code, new Session(openId, unionId, WEIXIN_SESSION_KEY));
            case QQ -> stub.willAnswer(platform, code, new Session(openId, unionId, QQ_SESSION_KEY));
            case BAIDU -> stub.willAnswer(platform, code, new Session(openId, unionId, BAIDU_SESSION_KEY));
            default -> stub.willAnswer(platform, code, new Session(openId, unionId, "c2Vzc2lvbmtleTAwMDAwMA=="));
        }
    }

    /** The body of {@code appminiuserinfo} as each platform's client sends it, the profile sealed where it is. */
    private static Map<String, Object> profile(Platform platform, String openId, String unionId, String nickname) {
        Map<String, Object> authData = new LinkedHashMap<>();
        switch (platform) {
            case BAIDU -> {
                authData.put("encrypted_data", BaiduSeal.seal(BAIDU_SESSION_KEY, IV, BAIDU_APP.appId(), "{\"openid\":\""
                        + openId + "\",\"nickname\":\"" + nickname + "\",\"headimgurl\":\"https://b.example/6.jpg\",\"sex\":1}"));
                authData.put("iv", IV);
            }
            case QQ -> {
                authData.put("encrypted_data", WatermarkedSeal.seal(QQ_SESSION_KEY, IV, "{\"openId\":\"" + openId
                        + "\",\"nickName\":\"" + nickname + "\",\"gender\":1,\"avatarUrl\":\"https://thirdqq.qlogo.cn/6\","
                        + "\"watermark\":{\"timestamp\":1700000000,\"appid\":\"" + QQ_APP.appId() + "\"}}"));
                authData.put("iv", IV);
            }
            case ALIPAY -> {
                authData.put("nickName", nickname);
                authData.put("avatar", "https://tfs.alipayobjects.com/images/partner/6.png");
                authData.put("gender", "f");
            }
            default -> {
                authData.put("nickName", nickname);
                authData.put("avatarUrl", "https://a.example/" + platform.clientType() + ".png");
                authData.put("gender", 2);
                authData.put("province", "广东");
                authData.put("city", "深圳");
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("openid", openId);
        if (!unionId.isEmpty()) {
            body.put("unionid", unionId);
        }
        body.put("auth_data", ServiceClient.json(authData));
        body.put("referrer", "0");
        return body;
    }

    /** The gender {@link #profile} makes each platform's client send, as stored: 2 male, 1 female, 0 secret. */
    private static int storedGender(Platform platform) {
        return switch (platform) {
            case WEIXIN, KUAISHOU -> 0;
            case ALIPAY, TOUTIAO -> 1;
            case BAIDU, QQ -> 2;
        };
    }

    /** The view's ids are those of the channel's row: the platform's openid (and unionid), every other id empty. */
    private static void assertIdsOfChannel(JsonNode view, Platform platform, String openId, String unionId) {
        for (String column : ID_COLUMNS) {
            String expected = column.equals(platform.clientType() + "_openid") ? openId
                    : column.equals(platform.clientType() + "_unionid") ? unionId : "";
            assertThat(view.get(column).asText()).as(column).isEqualTo(expected);
        }
    }

    private static void assertPlatformRow(Map<String, String> row, String systemType, Platform platform, String openId,
                                          String unionId, String token) {
        assertThat(row.get("system_type")).isEqualTo(systemType);
        assertThat(row.get("platform")).isEqualTo(platform.clientType());
        assertThat(row.get("token")).isEqualTo(token);
        for (String column : ID_COLUMNS) {
            String expected = column.equals(platform.clientType() + "_openid") ? openId
                    : column.equals(platform.clientType() + "_unionid") ? unionId : "";
            assertThat(row.get(column)).as(column + " of " + row).isEqualTo(expected);
        }
        assertThat(Long.parseLong(row.get("add_time"))).isPositive();
    }

    /** Platform rows holding exactly this openid in the platform's column. */
    private long rowsHolding(Platform platform, String openId) throws SQLException {
        return shop.count("SELECT COUNT(*) FROM sxo_user_platform WHERE BINARY " + platform.clientType() + "_openid = ?", openId);
    }
}
