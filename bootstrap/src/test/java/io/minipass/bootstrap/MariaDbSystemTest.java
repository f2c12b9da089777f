package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.minipass.adapters.platforms.stub.PlatformStub;
import io.minipass.bootstrap.ServiceClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on the production database adapter: a real MariaDB at 127.0.0.1:3306 (root,
 * empty password, or {@code -Dminipass.test.mysql.url}), in a database made for this run and dropped after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbSystemTest {
    private static final String SERVER_URL = System.getProperty("minipass.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
    private final String database = "minipass_system_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private MinipassServer server;
    private ServiceClient client;

    @BeforeAll
    void start() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        Map<String, String> env = new HashMap<>();
        env.put("MINIPASS_PORT", "0");
        env.put("MINIPASS_HOST", "127.0.0.1");
        env.put("MINIPASS_DB_URL", SERVER_URL + database);
        env.put("MINIPASS_DB_USER", "root");
        env.put("MINIPASS_DB_POOL_SIZE", "16");
        server = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), env)));
        client = new ServiceClient(server.port());
    }

    @AfterAll
    void stop() throws SQLException {
        if (server != null) {
            server.close();
        }
        try (Connection connection = DriverManager.getConnection(SERVER_URL, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    @Test
    void the_seed_request_registers_on_mariadb_as_the_seed_shows() {
        Answer answer = client.postForm("user/appminiuserinfo", "application=app&application_client_type=weixin",
                MinipassSystemTest.seedForm());

        MinipassSystemTest.assertSeedAnswer(answer);
    }

    @Test
    void emoji_nicknames_survive() {
        Answer answer = client.postJson("user/appminiuserinfo", "application_client_type=weixin",
                Map.of("openid", "o-emoji-0001", "auth_data", ServiceClient.json(Map.of("nickName", "小明😀🎉"))));

        assertThat(answer.code()).as(answer.body()).isZero();
        Answer again = client.get("/api.php?s=user/tokenuserinfo&token=" + answer.data().get("token").asText());
        assertThat(again.data().get("nickname").asText()).isEqualTo("小明😀🎉");
    }

    @Test
    void the_usual_shop_url_starts_and_keeps_emoji_byte_for_byte() {
        Map<String, String> env = new HashMap<>();
        env.put("MINIPASS_PORT", "0");
        env.put("MINIPASS_HOST", "127.0.0.1");
        env.put("MINIPASS_DB_URL", SERVER_URL + database
                + "?useUnicode=true&characterEncoding=utf8&serverTimezone=Asia/Shanghai&useSSL=false");
        env.put("MINIPASS_DB_USER", "root");
        try (MinipassServer usual = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), env)))) {
            ServiceClient usualClient = new ServiceClient(usual.port());
            Answer answer = usualClient.postJson("user/appminiuserinfo", "application_client_type=weixin",
                    Map.of("openid", "o-usual-url", "auth_data", ServiceClient.json(Map.of("nickName", "店主😀𠮷"))));

            assertThat(answer.code()).as(answer.body()).isZero();
            assertThat(client.get("/api.php?s=user/tokenuserinfo&token=" + answer.data().get("token").asText())
                    .data().get("nickname").asText()).isEqualTo("店主😀𠮷");
        }
    }

    @Test
    void one_openid_sent_by_many_clients_at_once_makes_one_user() throws Exception {
        int clients = 24;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.postJson("user/appminiuserinfo", "application_client_type=weixin",
                            Map.of("openid", "o-crowd-0001", "auth_data", ServiceClient.json(Map.of("nickName", "crowd"))));
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                JsonNode data = answer.get(60, TimeUnit.SECONDS).data();
                ids.add(data.get("id").asText());
            }
            assertThat(ids).hasSize(clients).containsOnly(ids.get(0));
            assertThat(rowsWithWeixinOpenid("o-crowd-0001")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_openid_differing_only_in_case_is_someone_else() {
        String first = client.postJson("user/appminiuserinfo", "application_client_type=weixin",
                Map.of("openid", "oCaseSensitive01", "auth_data", "{\"nickName\":\"a\"}")).data().get("id").asText();
        String second = client.postJson("user/appminiuserinfo", "application_client_type=weixin",
                Map.of("openid", "ocasesensitive01", "auth_data", "{\"nickName\":\"b\"}")).data().get("id").asText();

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void openids_binding_one_new_mobile_at_once_leave_one_holder_and_the_others_are_told_it_is_taken() throws Exception {
        int clients = 8;
        String mobile = "13900139001";
        Map<String, String> env = new HashMap<>();
        env.put("MINIPASS_PORT", "0");
        env.put("MINIPASS_HOST", "127.0.0.1");
        env.put("MINIPASS_DB_URL", SERVER_URL + database);
        env.put("MINIPASS_DB_USER", "root");
        env.put("MINIPASS_DB_POOL_SIZE", "16");
        env.put("MINIPASS_WEIXIN_APPID", "wx0000000000000001");
        env.put("MINIPASS_REQUIRE_LOGIN_PROOF", "false");
        env.put("MINIPASS_WEIXIN_SECRET", "secret");
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (PlatformStub platforms = new PlatformStub()) {
            platforms.willProvePhone("wx0000000000000001", "race-phone-code", mobile);
            env.put("MINIPASS_WEIXIN_BASE_URL", platforms.baseUrl());
            try (MinipassServer weixin = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), env)))) {
                ServiceClient binder = new ServiceClient(weixin.port());
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Answer>> answers = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    String openId = "o-mobile-race-" + i;
                    answers.add(pool.submit(() -> {
                        start.await();
                        return binder.postJson("user/onekeyusermobilebind", "application=app&application_client_type=weixin",
                                Map.of("openid", openId, "code", "race-phone-code", "nickname", "抢号"));
                    }));
                }
                start.countDown();
                List<Answer> done = new ArrayList<>();
                for (Future<Answer> answer : answers) {
                    done.add(answer.get(60, TimeUnit.SECONDS));
                }

                List<String> summary = done.stream().map(answer -> answer.code() + " " + answer.msg()).toList();
                assertThat(done).filteredOn(answer -> answer.code() == 0).as("%s", summary).hasSize(1)
                        .allSatisfy(answer -> assertThat(answer.data().get("mobile").asText()).isEqualTo(mobile));
                assertThat(done).filteredOn(answer -> answer.code() != 0).hasSize(clients - 1)
                        .allSatisfy(answer -> {
                            assertThat(answer.code()).isEqualTo(-1);
                            assertThat(answer.msg()).isEqualTo("手机已绑定其他帐号");
                        });
                assertThat(count("SELECT COUNT(*) FROM sxo_user WHERE mobile = ?", mobile)).isEqualTo(1);
                assertThat(count("SELECT COUNT(*) FROM sxo_user WHERE weixin_openid LIKE ?", "o-mobile-race-%")).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private int count(String sql, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER_URL + database, "root", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private int rowsWithWeixinOpenid(String openId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER_URL + database, "root", "");
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT COUNT(*) FROM sxo_user WHERE BINARY weixin_openid = ?")) {
            statement.setString(1, openId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
