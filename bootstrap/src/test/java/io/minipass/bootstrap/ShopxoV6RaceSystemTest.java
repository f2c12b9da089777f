package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import io.minipass.bootstrap.ServiceClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.minipass.domain.user.Platform.WEIXIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many first logins of one openid at once on ShopXO v3.0–v6.7's tables, where no unique key stops a second user
 * (SHOPXO-V6.md §1): one node, then two nodes sharing the database and the local Redis (under a key prefix of
 * their own, removed afterwards). Development profile, so {@code appminiuserinfo} needs no login proof. Each test
 * runs on a MariaDB database of its own.
 */
class ShopxoV6RaceSystemTest {
    private static final String REDIS = System.getProperty("minipass.test.redis.url", "redis://127.0.0.1:6379");
    private static final int CLIENTS = 64;
    /** What the dispatcher answers (code -1) for a failure nobody foresaw: a 500 in a JSON envelope. */
    private static final String UNEXPECTED_FAILURE = "系统繁忙，请稍后再试";

    private final List<AutoCloseable> running = new ArrayList<>();
    private ShopxoV6Database shop;

    @BeforeEach
    void makeShop() throws SQLException {
        shop = ShopxoV6Database.newMariaDbShop("minipass_v6_race");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
        shop.close();
    }

    @Test
    void sixty_four_first_logins_of_one_openid_make_one_user_and_one_platform_row() throws Exception {
        UniAppClient node = start(environment());

        List<Answer> answers = crowd(List.of(node), "o6RaceOneNode000000000001");

        assertOneUserFor("o6RaceOneNode000000000001", answers);
    }

    @Test
    void sixty_four_first_logins_of_one_openid_on_two_nodes_with_redis_make_one_user_and_one_platform_row()
            throws Exception {
        String prefix = "minipass-test-" + UUID.randomUUID().toString().substring(0, 12) + ":";
        try {
            Map<String, String> env = environment();
            env.put("MINIPASS_REDIS_URL", REDIS);
            env.put("MINIPASS_REDIS_KEY_PREFIX", prefix);
            env.put("MINIPASS_REDIS_SESSION_KEY_SECRET", SharedRedisKeys.randomSecret());
            env.put("MINIPASS_REDIS_TIMEOUT", "2s");
            UniAppClient nodeA = start(env);
            UniAppClient nodeB = start(env);

            List<Answer> answers = crowd(List.of(nodeA, nodeB), "o6RaceTwoNodes00000000001");

            assertOneUserFor("o6RaceTwoNodes00000000001", answers);
        } finally {
            SharedRedisKeys.removeKeys(REDIS, prefix);
        }
    }

    /** {@link #CLIENTS} clients send the same first login at once, spread over the nodes. */
    private static List<Answer> crowd(List<UniAppClient> nodes, String openId) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                UniAppClient node = nodes.get(i % nodes.size());
                String nickname = "抢注" + i;
                sent.add(pool.submit(() -> {
                    start.await();
                    return node.info(WEIXIN, Map.of("openid", openId, "auth_data",
                            ServiceClient.json(Map.of("nickName", nickname, "gender", 1))));
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Every answer is a login of one and the same user, or an error the service meant to answer; the tables hold one
     * user and one platform row, whose token is one the service answered and ShopXO's PHP finds the user by.
     */
    private void assertOneUserFor(String openId, List<Answer> answers) throws SQLException {
        Set<String> ids = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        List<String> errors = new ArrayList<>();
        for (Answer answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            if (answer.code() == 0) {
                assertThat(answer.msg()).isEqualTo("授权成功");
                assertThat(answer.data().get("weixin_openid").asText()).isEqualTo(openId);
                ids.add(answer.data().get("id").asText());
                tokens.add(answer.data().get("token").asText());
            } else {
                assertThat(answer.data().isArray()).as(answer.body()).isTrue();
                assertThat(answer.code() == -1 && answer.msg().equals(UNEXPECTED_FAILURE))
                        .as("an unexpected failure: %s", answer.body()).isFalse();
                errors.add(answer.code() + " " + answer.msg());
            }
        }
        assertThat(ids).as("the users logged in; errors: %s", errors).hasSize(1);
        String id = ids.iterator().next();
        assertThat(shop.count("SELECT COUNT(*) FROM sxo_user")).isEqualTo(1);
        List<Map<String, String>> rows = shop.rows("SELECT * FROM sxo_user_platform");
        assertThat(rows).hasSize(1);
        Map<String, String> row = rows.get(0);
        assertThat(row.get("user_id")).isEqualTo(id);
        assertThat(row.get("weixin_openid")).isEqualTo(openId);
        assertThat(row.get("system_type")).isEqualTo("default");
        assertThat(row.get("platform")).isEqualTo("weixin");
        assertThat(tokens).contains(row.get("token"));
        assertThat(shop.userShopxoFindsBy(row.get("token"), "default", "weixin")).contains(id);
        assertThat(shop.user(id).get("number_code")).hasSize(14).startsWith("8888").endsWith(id);
    }

    private Map<String, String> environment() {
        Map<String, String> env = shop.serviceSettings();
        // each of a node's requests may hold a connection while it waits for the user's row lock
        env.put("MINIPASS_DB_POOL_SIZE", "32");
        env.put("MINIPASS_BUDGET_REGISTRATION", "100000/0/1m");
        return env;
    }

    private UniAppClient start(Map<String, String> env) {
        MinipassServer server = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), env)));
        running.add(0, server);
        return new UniAppClient(server.port());
    }


}
