package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import com.fasterxml.jackson.core.JsonToken;
import io.minipass.adapters.platforms.stub.PlatformStub;
import io.minipass.adapters.platforms.stub.PlatformStub.Session;
import io.minipass.bootstrap.ServiceClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.minipass.bootstrap.UniAppClient.AUTH_LOGIN_KEYS;
import static io.minipass.bootstrap.UniAppClient.LOGIN_KEYS;
import static io.minipass.bootstrap.UniAppClient.assertUserView;
import static io.minipass.bootstrap.UniAppClient.dataTokens;
import static io.minipass.domain.user.Platform.WEIXIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shop on ShopXO v6.7 that makes every new user bind a mobile first ({@code MINIPASS_MANDATORY_BIND_MOBILE=true}),
 * as the current WeChat client goes through it (SHOPXO-V6.md §5, §6): {@code appminiuserauth} answers an unsaved
 * user, {@code onekeyusermobiledecrypt} has WeChat vouch for the mobile, {@code userbasereg} registers with it (or
 * {@code onekeyusermobilebind} binds the openid to the mobile's owner). Production profile, so every openid needs
 * its code exchange; WeChat's APIs stubbed by {@link PlatformStub}; MariaDB with the v6 tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopxoV6MandatoryMobileSystemTest {
    private static final String APP_ID = "wx6d0b11e0000000001";
    private static final String SESSION_KEY = "3q2+7wEjRWeJq83vASNFZw==";
    private static final List<String> UNSAVED_KEYS = List.of("weixin_openid", "nickname", "avatar", "gender", "province",
            "city", "county", "mobile", "referrer", "weixin_unionid", "is_mandatory_bind_mobile");

    private ShopxoV6Database shop;
    private PlatformStub stub;
    private MinipassServer server;
    private UniAppClient client;

    @BeforeAll
    void start() throws Exception {
        shop = ShopxoV6Database.newMariaDbShop("minipass_v6_mobile");
        stub = new PlatformStub();
        Map<String, String> env = shop.serviceSettings();
        env.put("MINIPASS_PROFILE", "production");
        env.put("MINIPASS_MANDATORY_BIND_MOBILE", "true");
        env.put("MINIPASS_WEIXIN_APPID", APP_ID);
        env.put("MINIPASS_WEIXIN_SECRET", "wx-secret-mandatory");
        env.put("MINIPASS_WEIXIN_BASE_URL", stub.baseUrl());
        server = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), env)));
        client = new UniAppClient(server.port());
    }

    @AfterAll
    void stop() throws Exception {
        ShopxoV6Database.closeAll(server, stub, shop);
    }

    @Test
    void a_new_wechat_user_is_stored_only_when_registering_with_the_mobile_wechat_verified() throws SQLException {
        String openId = "o6Mandatory00000000000001";
        String unionId = "u6Mandatory0000000001";
        String mobile = "13800138001";
        stub.willAnswer("v6-mm-1", new Session(openId, unionId, SESSION_KEY));
        stub.willProvePhone(APP_ID, "v6-phone-1", mobile);
        long users = shop.userCount();
        long rows = shop.platformRowCount();

        Answer unsaved = client.auth(WEIXIN, "v6-mm-1");

        assertThat(unsaved.code()).as(unsaved.body()).isZero();
        assertThat(unsaved.msg()).isEqualTo("授权成功");
        Map<String, JsonToken> tokens = dataTokens(unsaved);
        assertThat(new ArrayList<>(tokens.keySet())).containsExactlyElementsOf(UNSAVED_KEYS);
        assertThat(tokens.get("is_mandatory_bind_mobile")).isEqualTo(JsonToken.VALUE_NUMBER_INT);
        assertThat(unsaved.data().get("is_mandatory_bind_mobile").asInt()).isEqualTo(1);
        assertThat(unsaved.data().get("weixin_openid").asText()).isEqualTo(openId);
        assertThat(unsaved.data().get("weixin_unionid").asText()).isEqualTo(unionId);
        assertThat(unsaved.data().get("nickname").asText()).isEqualTo("微信用户");
        assertThat(unsaved.data().get("mobile").asText()).isEmpty();
        assertThat(unsaved.body()).doesNotContain("\"token\"").doesNotContain("\"id\"");
        assertNothingStored(users, rows);

        Answer verified = client.post("onekeyusermobiledecrypt", WEIXIN, Map.of("openid", openId, "code", "v6-phone-1"));

        assertThat(verified.code()).as(verified.body()).isZero();
        assertThat(verified.msg()).isEqualTo("success");
        assertThat(verified.data().isTextual()).as(verified.body()).isTrue();
        assertThat(verified.data().asText()).isEqualTo(mobile);
        assertNothingStored(users, rows);

        Answer registered = client.post("userbasereg", WEIXIN, register(openId, unionId, "手机新人", mobile));

        assertUserView(registered, "授权成功", LOGIN_KEYS);
        String id = registered.data().get("id").asText();
        assertThat(registered.data().get("mobile").asText()).isEqualTo(mobile);
        assertThat(registered.data().get("nickname").asText()).isEqualTo("手机新人");
        assertThat(registered.data().get("weixin_openid").asText()).isEqualTo(openId);
        assertThat(registered.data().get("is_mandatory_bind_mobile").asInt()).isEqualTo(1);
        assertThat(shop.userCount()).isEqualTo(users + 1);
        assertThat(shop.platformRowCount()).isEqualTo(rows + 1);
        Map<String, String> user = shop.user(id);
        assertThat(user.get("mobile")).isEqualTo(mobile);
        assertThat(user.get("number_code")).hasSize(14).startsWith("8888").endsWith(id);
        List<Map<String, String>> platformRows = shop.platformRows(id);
        assertThat(platformRows).hasSize(1);
        assertThat(platformRows.get(0)).containsEntry("system_type", "default").containsEntry("platform", "weixin")
                .containsEntry("weixin_openid", openId).containsEntry("token", registered.data().get("token").asText());
        assertThat(shop.userShopxoFindsBy(registered.data().get("token").asText(), "default", "weixin")).contains(id);

        // the user exists now: the next login is an ordinary one
        Answer returning = client.auth(WEIXIN, "v6-mm-1");
        assertUserView(returning, "授权登录成功", AUTH_LOGIN_KEYS);
        assertThat(returning.data().get("id").asText()).isEqualTo(id);
        assertThat(shop.userCount()).isEqualTo(users + 1);
    }

    @Test
    void userbasereg_with_a_mobile_never_verified_for_the_openid_is_refused_and_stores_nothing() throws SQLException {
        String openId = "o6Unverified0000000000001";
        String otherOpenId = "o6VerifiedOther00000000001";
        String othersMobile = "13800138002";
        stub.willAnswer("v6-mm-2", new Session(openId, "", SESSION_KEY));
        stub.willAnswer("v6-mm-3", new Session(otherOpenId, "", SESSION_KEY));
        stub.willProvePhone(APP_ID, "v6-phone-2", othersMobile);
        assertThat(client.auth(WEIXIN, "v6-mm-2").data().get("is_mandatory_bind_mobile").asInt()).isEqualTo(1);
        assertThat(client.auth(WEIXIN, "v6-mm-3").data().get("is_mandatory_bind_mobile").asInt()).isEqualTo(1);
        assertThat(client.post("onekeyusermobiledecrypt", WEIXIN, Map.of("openid", otherOpenId, "code", "v6-phone-2"))
                .data().asText()).isEqualTo(othersMobile);
        long users = shop.userCount();
        long rows = shop.platformRowCount();

        Answer madeUp = client.post("userbasereg", WEIXIN, register(openId, "", "冒名", "13800138099"));
        Answer someoneElses = client.post("userbasereg", WEIXIN, register(openId, "", "冒名", othersMobile));

        for (Answer refused : List.of(madeUp, someoneElses)) {
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.code()).as(refused.body()).isEqualTo(-1);
            // refused for the mobile, not for a missing login proof: the code exchange left one
            assertThat(refused.msg()).isEqualTo("手机号码未验证，请重新获取");
            assertThat(refused.data().isArray()).isTrue();
        }
        assertNothingStored(users, rows);
        assertThat(shop.count("SELECT COUNT(*) FROM sxo_user WHERE mobile IN ('13800138099', ?)", othersMobile)).isZero();
    }

    @Test
    void a_verified_mobile_of_an_existing_user_gives_that_user_a_platform_row_of_the_openid() throws SQLException {
        String mobile = "13800138003";
        String openId = "o6MobileOwner000000000001";
        shop.update("INSERT INTO sxo_user (number_code, nickname, mobile, add_time) VALUES ('88881111111111', '老会员', ?, 1700000000)",
                mobile);
        String ownerId = shop.text("SELECT id FROM sxo_user WHERE mobile = ?", mobile).orElseThrow();
        shop.update("INSERT INTO sxo_user_platform (user_id, system_type, platform, token, add_time, upd_time)"
                + " VALUES (?, 'default', 'pc', 'pc0000000000000000000000000token', 1700000000, 1700000000)", ownerId);
        stub.willAnswer("v6-mm-4", new Session(openId, "", SESSION_KEY));
        stub.willProvePhone(APP_ID, "v6-phone-3", mobile);
        assertThat(client.auth(WEIXIN, "v6-mm-4").data().get("is_mandatory_bind_mobile").asInt()).isEqualTo(1);
        long users = shop.userCount();

        Answer bound = client.post("onekeyusermobilebind", WEIXIN, Map.of("openid", openId, "code", "v6-phone-3",
                "nickname", "微信用户", "avatar", "", "encrypted_data", "", "iv", ""));

        assertUserView(bound, "绑定成功", LOGIN_KEYS);
        assertThat(bound.data().get("id").asText()).isEqualTo(ownerId);
        assertThat(bound.data().get("nickname").asText()).isEqualTo("老会员");
        assertThat(bound.data().get("mobile").asText()).isEqualTo(mobile);
        assertThat(bound.data().get("weixin_openid").asText()).isEqualTo(openId);
        assertThat(bound.data().get("platform").asText()).isEqualTo("weixin");
        assertThat(shop.userCount()).as("no new user").isEqualTo(users);
        List<Map<String, String>> rows = shop.platformRows(ownerId);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("platform", "pc").containsEntry("token", "pc0000000000000000000000000token");
        assertThat(rows.get(1)).containsEntry("system_type", "default").containsEntry("platform", "weixin")
                .containsEntry("weixin_openid", openId).containsEntry("token", bound.data().get("token").asText());
        assertThat(shop.userShopxoFindsBy(bound.data().get("token").asText(), "default", "weixin")).contains(ownerId);
        assertThat(shop.user(ownerId).get("number_code")).isEqualTo("88881111111111");
    }

    // --- helpers --------------------------------------------------------------------------------

    /** {@code userbasereg}'s body as the client sends it after the mobile was verified. */
    private static Map<String, Object> register(String openId, String unionId, String nickname, String mobile) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("openid", openId);
        body.put("avatar", "https://thirdwx.qlogo.cn/mmopen/v6/132");
        body.put("nickname", nickname);
        body.put("mobile", mobile);
        if (!unionId.isEmpty()) {
            body.put("weixin_unionid", unionId);
        }
        return body;
    }

    private void assertNothingStored(long users, long rows) throws SQLException {
        assertThat(shop.userCount()).as("sxo_user rows").isEqualTo(users);
        assertThat(shop.platformRowCount()).as("sxo_user_platform rows").isEqualTo(rows);
    }
}
