package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import io.minipass.adapters.platforms.stub.PlatformStub;
import io.minipass.adapters.platforms.stub.PlatformStub.Session;
import io.minipass.bootstrap.ServiceClient.Answer;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.minipass.bootstrap.UniAppClient.AUTH_LOGIN_KEYS;
import static io.minipass.bootstrap.UniAppClient.SESSION_KEYS;
import static io.minipass.bootstrap.UniAppClient.assertUserView;
import static io.minipass.domain.user.Platform.WEIXIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new, empty H2 database with {@code MINIPASS_SHOPXO_LAYOUT=v6}: the service makes ShopXO v6.7's two user tables
 * and answers as ShopXO v6.7.1 from the first login (SHOPXO-V6.md). WeChat's API stubbed by {@link PlatformStub}.
 */
class ShopxoV6NewH2DatabaseSystemTest {
    @Test
    void a_new_h2_database_chosen_for_v6_gets_shopxo_v6_tables_and_answers() throws Exception {
        String url = "jdbc:h2:mem:v6_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        String openId = "o6NewH2Database0000000001";
        Map<String, String> env = new HashMap<>();
        env.put("MINIPASS_PORT", "0");
        env.put("MINIPASS_HOST", "127.0.0.1");
        env.put("MINIPASS_DB_URL", url);
        env.put("MINIPASS_SHOPXO_LAYOUT", "v6");
        env.put("MINIPASS_WEIXIN_APPID", "wx6b2000000000000001");
        env.put("MINIPASS_REQUIRE_LOGIN_PROOF", "false");
        env.put("MINIPASS_WEIXIN_SECRET", "wx-secret-h2");
        try (PlatformStub stub = new PlatformStub()) {
            stub.willAnswer("v6-h2-1", new Session(openId, "u6NewH2Database0001", "3q2+7wEjRWeJq83vASNFZw=="));
            env.put("MINIPASS_WEIXIN_BASE_URL", stub.baseUrl());
            try (MinipassServer server = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), env)))) {
                UniAppClient client = new UniAppClient(server.port());
                ShopxoV6Database shop = ShopxoV6Database.existing(url, "sa");
                assertThat(columns(shop, "sxo_user")).hasSize(23).doesNotContain("weixin_openid", "token");
                assertThat(columns(shop, "sxo_user_platform")).hasSize(17).contains("system_type", "platform", "token",
                        "weixin_openid", "kuaishou_openid");

                Answer registered = client.auth(WEIXIN, "v6-h2-1");

                assertUserView(registered, "授权成功", AUTH_LOGIN_KEYS);
                String id = registered.data().get("id").asText();
                String token = registered.data().get("token").asText();
                assertThat(registered.data().get("number_code").asText()).hasSize(14).startsWith("8888").endsWith(id);
                assertThat(registered.data().get("system_type").asText()).isEqualTo("default");
                assertThat(registered.data().get("weixin_unionid").asText()).isEqualTo("u6NewH2Database0001");
                assertThat(shop.user(id).get("upd_time")).isEqualTo("0");
                List<Map<String, String>> rows = shop.platformRows(id);
                assertThat(rows).hasSize(1);
                assertThat(rows.get(0)).containsEntry("system_type", "default").containsEntry("platform", "weixin")
                        .containsEntry("weixin_openid", openId).containsEntry("weixin_unionid", "u6NewH2Database0001")
                        .containsEntry("token", token);
                assertThat(shop.userShopxoFindsBy(token, "default", "weixin")).contains(id);

                Answer me = client.tokenUserInfo(WEIXIN, token);
                assertUserView(me, "success", SESSION_KEYS);
                assertThat(me.data().get("id").asText()).isEqualTo(id);

                Answer unknown = client.tokenUserInfo(WEIXIN, "0123456789abcdef0123456789abcdef");
                assertThat(unknown.code()).isEqualTo(-1);
                assertThat(unknown.msg()).isEqualTo("用户信息不存在");
            }
        }
    }

    private static List<String> columns(ShopxoV6Database shop, String table) throws SQLException {
        return shop.rows("SELECT LOWER(COLUMN_NAME) AS name FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = SCHEMA() AND LOWER(TABLE_NAME) = ?", table).stream()
                .map(row -> row.get("name")).toList();
    }
}
