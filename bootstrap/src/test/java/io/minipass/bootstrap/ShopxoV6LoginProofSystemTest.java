package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import io.minipass.adapters.platforms.stub.PlatformStub;
import io.minipass.adapters.platforms.stub.PlatformStub.Session;
import io.minipass.bootstrap.ServiceClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import static io.minipass.bootstrap.UniAppClient.LOGIN_KEYS;
import static io.minipass.bootstrap.UniAppClient.assertUserView;
import static io.minipass.domain.user.Platform.WEIXIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CONTRACT §8 on ShopXO v6.7's tables: in the production profile {@code appminiuserinfo} believes only an openid the
 * platform vouched for in a code exchange. WeChat's API stubbed by {@link PlatformStub}, its at-once registration
 * turned off so the client's two steps run; MariaDB with the v6 tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopxoV6LoginProofSystemTest {
    private ShopxoV6Database shop;
    private PlatformStub stub;
    private MinipassServer server;
    private UniAppClient client;

    @BeforeAll
    void start() throws Exception {
        shop = ShopxoV6Database.newMariaDbShop("minipass_v6_proof");
        stub = new PlatformStub();
        Map<String, String> env = shop.serviceSettings();
        env.put("MINIPASS_PROFILE", "production");
        env.put("MINIPASS_WEIXIN_APPID", "wx6f00f0000000000001");
        env.put("MINIPASS_WEIXIN_SECRET", "wx-secret-proof");
        env.put("MINIPASS_WEIXIN_BASE_URL", stub.baseUrl());
        env.put("MINIPASS_WEIXIN_AUTO_REGISTER", "false");
        server = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), env)));
        client = new UniAppClient(server.port());
    }

    @AfterAll
    void stop() throws Exception {
        ShopxoV6Database.closeAll(server, stub, shop);
    }

    @Test
    void in_production_an_openid_that_never_came_from_a_code_exchange_is_refused_and_stores_nothing() throws SQLException {
        long users = shop.userCount();
        long rows = shop.platformRowCount();

        Answer madeUp = client.info(WEIXIN, Map.of("openid", "o6MadeUp00000000000000001", "unionid", "u6MadeUp0001",
                "auth_data", ServiceClient.json(Map.of("nickName", "冒充"))));

        assertThat(madeUp.status()).isEqualTo(200);
        assertThat(madeUp.code()).isEqualTo(-1);
        assertThat(madeUp.msg()).isEqualTo("授权已失效，请重新授权");
        assertThat(madeUp.data().isArray()).isTrue();
        assertThat(shop.userCount()).isEqualTo(users);
        assertThat(shop.platformRowCount()).isEqualTo(rows);
    }

    @Test
    void in_production_the_openid_of_a_code_exchange_logs_in_once() throws SQLException {
        String openId = "o6Exchanged000000000000001";
        stub.willAnswer("v6-proof-1", new Session(openId, "", "3q2+7wEjRWeJq83vASNFZw=="));
        Answer exchanged = client.auth(WEIXIN, "v6-proof-1");
        assertThat(exchanged.code()).as(exchanged.body()).isZero();
        assertThat(exchanged.data().get("is_user_exist").asInt()).isZero();
        Map<String, Object> body = Map.of("openid", openId, "auth_data", ServiceClient.json(Map.of("nickName", "真的")));

        Answer loggedIn = client.info(WEIXIN, body);
        Answer again = client.info(WEIXIN, body);

        assertUserView(loggedIn, "授权成功", LOGIN_KEYS);
        assertThat(loggedIn.data().get("weixin_openid").asText()).isEqualTo(openId);
        assertThat(shop.platformRows(loggedIn.data().get("id").asText())).hasSize(1);
        assertThat(again.code()).as("the proof served one login").isEqualTo(-1);
        assertThat(again.msg()).isEqualTo("授权已失效，请重新授权");
    }
}
