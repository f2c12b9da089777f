package io.minipass.bootstrap;

import io.minipass.bootstrap.cli.InProcessCommandLine;
import io.minipass.bootstrap.cli.MinipassCommand;
import io.minipass.bootstrap.wiring.MinipassServer;
import io.minipass.adapters.platforms.stub.EveryPlatformStub;
import io.minipass.adapters.platforms.stub.EveryPlatformStub.App;
import io.minipass.adapters.platforms.stub.EveryPlatformStub.Session;
import io.minipass.bootstrap.ServiceClient.Answer;
import io.minipass.domain.user.Platform;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static io.minipass.bootstrap.ProductionNodes.BAIDU_SESSION_KEY;
import static io.minipass.bootstrap.ProductionNodes.auth;
import static io.minipass.bootstrap.ProductionNodes.info;
import static io.minipass.bootstrap.ProductionNodes.sealedBaiduProfile;
import static io.minipass.bootstrap.ProductionNodes.tokenUserInfo;
import static io.minipass.domain.user.Platform.BAIDU;
import static io.minipass.domain.user.Platform.WEIXIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several nodes behind a balancer (issue 14): two (and more) whole services on separate ports, in the
 * production profile against the local platform stubs, on one MariaDB database made for this run and
 * the local Redis under a key prefix of their own (removed afterwards). The Redis outage runs against
 * a redis-server this test starts on a free port; the shared one on 6379 is never stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeSystemTest {
    private static final String MARIADB = System.getProperty("minipass.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
    private static final String REDIS = System.getProperty("minipass.test.redis.url", "redis://127.0.0.1:6379");
    private static final App WEIXIN_APP = new App("wx2n0d3s5f1c0d2e3a4b", "wx-secret-two-nodes");
    private static final String BAIDU_APP_ID = "1000014";
    private static final App BAIDU_APP = new App("TwoNodesBaiduAppKey0000000000014", "bd-secret-two-nodes");

    private final String database = "minipass_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String prefix = "minipass-test-" + UUID.randomUUID().toString().substring(0, 12) + ":";
    private final String secret = SharedRedisKeys.randomSecret();
    private final List<AutoCloseable> running = new ArrayList<>();
    private EveryPlatformStub stub;
    private ServiceClient nodeA;
    private ServiceClient nodeB;

    @BeforeAll
    void startTwoNodes() throws Exception {
        sql("CREATE DATABASE " + database);
        stub = new EveryPlatformStub(Map.of(WEIXIN, WEIXIN_APP, BAIDU, BAIDU_APP, Platform.QQ, new App("", ""),
                Platform.TOUTIAO, new App("", ""), Platform.KUAISHOU, new App("", ""), Platform.ALIPAY, new App("", "")),
                EveryPlatformStub.rsaKeyPair().getPublic());
        running.add(stub);
        nodeA = new ServiceClient(start(environment(REDIS, prefix)).port());
        nodeB = new ServiceClient(start(environment(REDIS, prefix)).port());
    }

    @AfterAll
    void stopEverything() throws Exception {
        ProductionNodes.closeAll(running);
        sql("DROP DATABASE IF EXISTS " + database);
        SharedRedisKeys.removeKeys(REDIS, prefix);
    }

    @Test
    void a_code_exchanged_on_a_logs_in_on_b_with_the_proof_and_a_baidu_profile_sealed_with_its_session_key() throws SQLException {
        String openId = "k9TwoNodesBaidu000000001";
        stub.willAnswer(BAIDU, "bd-two-1", new Session(openId, "", BAIDU_SESSION_KEY));

        Answer exchanged = auth(nodeA, BAIDU, "bd-two-1");
        assertThat(exchanged.code()).as(exchanged.body()).isZero();
        assertThat(exchanged.data().get("is_user_exist").asInt()).isZero();

        Answer loggedIn = info(nodeB, BAIDU, sealedBaiduProfile(BAIDU_APP, openId, "百度两节点"));
        assertThat(loggedIn.code()).as(loggedIn.body()).isZero();
        assertThat(loggedIn.msg()).isEqualTo("授权成功");
        assertThat(loggedIn.data().get("baidu_openid").asText()).isEqualTo(openId);
        assertThat(loggedIn.data().get("nickname").asText()).isEqualTo("百度两节点");
        assertThat(tokenUserInfo(nodeA, loggedIn.data().get("token").asText()).code()).isZero();
        assertThat(count("SELECT COUNT(*) FROM sxo_user WHERE baidu_openid = ?", openId)).isEqualTo(1);
    }

    @Test
    void a_proof_spent_on_a_is_refused_on_b() {
        String openId = "k9TwoNodesBaidu000000002";
        stub.willAnswer(BAIDU, "bd-two-2", new Session(openId, "", BAIDU_SESSION_KEY));
        assertThat(auth(nodeA, BAIDU, "bd-two-2").code()).isZero();

        Answer first = info(nodeA, BAIDU, sealedBaiduProfile(BAIDU_APP, openId, "第一次"));
        Answer again = info(nodeB, BAIDU, sealedBaiduProfile(BAIDU_APP, openId, "第二次"));

        assertThat(first.code()).as(first.body()).isZero();
        assertThat(again.code()).isEqualTo(-1);
        assertThat(again.msg()).isEqualTo("授权已失效，请重新授权");
    }

    @Test
    void a_token_issued_on_a_works_on_b_and_a_re_login_on_b_refuses_it_on_a_at_once() {
        String openId = "oWxTwoNodes0000000000001";
        stub.willAnswer(WEIXIN, "wx-two-1", new Session(openId, "", "3q2+7wEjRWeJq83vASNFZw=="));
        stub.willAnswer(WEIXIN, "wx-two-2", new Session(openId, "", "3q2+7wEjRWeJq83vASNFZw=="));
        Answer onA = auth(nodeA, WEIXIN, "wx-two-1");
        assertThat(onA.code()).as(onA.body()).isZero();
        String oldToken = onA.data().get("token").asText();
        // both nodes now hold the token in their caches, which live 10 minutes in this test
        assertThat(tokenUserInfo(nodeB, oldToken).data().get("id").asText()).isEqualTo(onA.data().get("id").asText());
        assertThat(tokenUserInfo(nodeA, oldToken).code()).isZero();

        Answer onB = auth(nodeB, WEIXIN, "wx-two-2");
        assertThat(onB.code()).as(onB.body()).isZero();
        long replacedAt = System.nanoTime();

        // the eviction travels over Redis pub/sub: a few milliseconds, not the cache's 10 minutes
        Answer old = tokenUserInfo(nodeA, oldToken);
        while (old.code() == 0 && System.nanoTime() - replacedAt < TimeUnit.SECONDS.toNanos(1)) {
            sleep(5);
            old = tokenUserInfo(nodeA, oldToken);
        }
        assertThat(old.code()).as("the old token on node A, %d ms after the re-login on B",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - replacedAt)).isEqualTo(-400);
        assertThat(tokenUserInfo(nodeB, oldToken).code()).isEqualTo(-400);
        assertThat(tokenUserInfo(nodeA, onB.data().get("token").asText()).code()).isZero();
    }

    @Test
    void revoke_logs_a_user_out_on_both_nodes_at_once_by_id_and_by_openid() {
        String openId = "oWxTwoNodesRevoke0000001";
        stub.willAnswer(WEIXIN, "wx-revoke-1", new Session(openId, "", "3q2+7wEjRWeJq83vASNFZw=="));
        stub.willAnswer(WEIXIN, "wx-revoke-2", new Session(openId, "", "3q2+7wEjRWeJq83vASNFZw=="));
        Answer loggedIn = auth(nodeA, WEIXIN, "wx-revoke-1");
        assertThat(loggedIn.code()).as(loggedIn.body()).isZero();
        String token = loggedIn.data().get("token").asText();
        String id = loggedIn.data().get("id").asText();
        // both nodes now hold the token in their caches, which live 10 minutes in this test
        assertThat(tokenUserInfo(nodeA, token).code()).isZero();
        assertThat(tokenUserInfo(nodeB, token).code()).isZero();

        CommandRun byId = revoke("--user-id", id);

        assertThat(byId.exitCode()).as(byId.output()).isZero();
        assertThat(byId.output()).matches("(?s)OK   user " + id + ": 1 token cleared in the database; eviction published"
                + " over Redis, heard by [2-9] nodes\\R");
        assertRefusedOnBothNodes(token);

        Answer again = auth(nodeB, WEIXIN, "wx-revoke-2");
        assertThat(again.code()).as(again.body()).isZero();
        String second = again.data().get("token").asText();
        assertThat(tokenUserInfo(nodeA, second).code()).isZero();

        CommandRun byOpenId = revoke("--openid", openId, "--platform", "weixin");

        assertThat(byOpenId.exitCode()).as(byOpenId.output()).isZero();
        assertThat(byOpenId.output()).startsWith("OK   user " + id + ": 1 token cleared").doesNotContain(openId);
        assertRefusedOnBothNodes(second);
    }

    @Test
    void revoke_of_an_unknown_user_changes_nothing_and_says_so_and_a_nonsense_option_is_refused() {
        CommandRun unknownId = revoke("--user-id", "4000000000");
        CommandRun unknownOpenId = revoke("--openid", "oWxTwoNodesNobody0000001", "--platform", "weixin");
        CommandRun noPlatform = revoke("--openid", "oWxTwoNodesNobody0000001", "--platform", "icq");
        CommandRun both = revoke("--user-id", "1", "--openid", "oWxTwoNodesNobody0000001", "--platform", "weixin");

        assertThat(unknownId.exitCode()).isEqualTo(InProcessCommandLine.WRONG);
        assertThat(unknownId.output()).isEqualTo("FAIL no user with id 4000000000; nothing changed" + System.lineSeparator());
        assertThat(unknownOpenId.exitCode()).isEqualTo(InProcessCommandLine.WRONG);
        assertThat(unknownOpenId.output()).startsWith("FAIL no live user holds that weixin openid")
                .doesNotContain("oWxTwoNodesNobody0000001");
        assertThat(noPlatform.exitCode()).isEqualTo(InProcessCommandLine.CONFIG_ERROR);
        assertThat(noPlatform.output()).startsWith("FAIL --platform icq is not one of");
        assertThat(both.exitCode()).as("picocli's usage error").isEqualTo(InProcessCommandLine.CONFIG_ERROR);
    }

    /** Refused at once: the eviction was published before the command returned, and reaches a node in milliseconds. */
    private void assertRefusedOnBothNodes(String token) {
        long revokedAt = System.nanoTime();
        for (ServiceClient node : List.of(nodeA, nodeB)) {
            Answer answer = tokenUserInfo(node, token);
            while (answer.code() == 0 && System.nanoTime() - revokedAt < TimeUnit.SECONDS.toNanos(1)) {
                sleep(5);
                answer = tokenUserInfo(node, token);
            }
            assertThat(answer.code()).as("the revoked token, %d ms after the command returned",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - revokedAt)).isEqualTo(-400);
        }
    }

    private record CommandRun(int exitCode, String output) {
    }

    /** {@code minipass revoke …} in this process, with the nodes' settings. */
    private CommandRun revoke(String... options) {
        java.io.StringWriter output = new java.io.StringWriter();
        picocli.CommandLine command = InProcessCommandLine.of(environment(REDIS, prefix), server -> { });
        command.setOut(new java.io.PrintWriter(output));
        command.setErr(new java.io.PrintWriter(output));
        String[] args = new String[options.length + 1];
        args[0] = "revoke";
        System.arraycopy(options, 0, args, 1, options.length);
        int exitCode = command.execute(args);
        return new CommandRun(exitCode, output.toString());
    }

    @Test
    void sixty_four_first_logins_of_one_openid_on_both_nodes_make_one_user() throws Exception {
        String openId = "oWxTwoNodesCrowd00000001";
        stub.willAnswer(WEIXIN, "wx-crowd", new Session(openId, "", "3q2+7wEjRWeJq83vASNFZw=="));
        int clients = 64;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                ServiceClient node = i % 2 == 0 ? nodeA : nodeB;
                answers.add(pool.submit(() -> {
                    start.await();
                    return auth(node, WEIXIN, "wx-crowd");
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Answer> answer : answers) {
                Answer done = answer.get(60, TimeUnit.SECONDS);
                assertThat(done.code()).as(done.body()).isZero();
                ids.add(done.data().get("id").asText());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM sxo_user WHERE weixin_openid = ?", openId)).isEqualTo(1);
    }

    @Test
    void a_node_stopped_mid_traffic_leaves_the_other_answering_and_loses_or_doubles_no_one() throws Exception {
        Map<String, String> thirdEnv = environment(REDIS, prefix);
        thirdEnv.put("MINIPASS_DB_POOL_SIZE", "8");
        MinipassServer third = start(thirdEnv);
        ServiceClient nodeC = new ServiceClient(third.port());
        int users = 300;
        for (int i = 0; i < users; i++) {
            stub.willAnswer(WEIXIN, "wx-stop-" + i, new Session(String.format("oWxTwoNodesStop%08d", i), "", "3q2+7wEjRWeJq83vASNFZw=="));
        }
        Map<Integer, String> answeredIds = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            workers.add(pool.submit(() -> {
                for (int i = sent.getAndIncrement(); i < users; i = sent.getAndIncrement()) {
                    // the balancer: round robin over C and B; a node that does not answer sends the request to the other
                    ServiceClient first = i % 2 == 0 ? nodeC : nodeB;
                    Answer answer;
                    try {
                        answer = auth(first, WEIXIN, "wx-stop-" + i);
                    } catch (IllegalStateException nodeGone) {
                        retried.incrementAndGet();
                        answer = auth(nodeB, WEIXIN, "wx-stop-" + i);
                    }
                    assertThat(answer.code()).as(answer.body()).isZero();
                    answeredIds.put(i, answer.data().get("id").asText());
                }
                return null;
            }));
        }
        while (sent.get() < users / 3) {
            sleep(5);
        }
        third.close();
        for (Future<?> worker : workers) {
            worker.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(answeredIds).hasSize(users);
        assertThat(new HashSet<>(answeredIds.values())).as("one user per openid").hasSize(users);
        assertThat(retried.get()).as("requests sent to the stopped node").isPositive();
        assertThat(count("SELECT COUNT(*) FROM sxo_user WHERE weixin_openid LIKE ?", "oWxTwoNodesStop%")).isEqualTo(users);
        assertThat(count("SELECT COUNT(DISTINCT weixin_openid) FROM sxo_user WHERE weixin_openid LIKE ?", "oWxTwoNodesStop%"))
                .isEqualTo(users);
        assertThat(tokenUserInfo(nodeA, auth(nodeA, WEIXIN, "wx-stop-0").data().get("token").asText()).data().get("id").asText())
                .isEqualTo(answeredIds.get(0));
    }

    @Test
    void without_redis_what_does_not_need_it_goes_on_what_does_answers_at_once_and_all_recovers() throws Exception {
        String ownPrefix = "minipass-test-" + UUID.randomUUID().toString().substring(0, 12) + ":";
        OwnRedisServer redis = new OwnRedisServer();
        String ownRedis = redis.url();
        try {
            Map<String, String> env = environment(ownRedis, ownPrefix);
            env.put("MINIPASS_REQUIRE_LOGIN_PROOF", "false");
            env.put("MINIPASS_DB_POOL_SIZE", "8");
            ServiceClient nodeD = new ServiceClient(start(env).port());
            ServiceClient nodeE = new ServiceClient(start(env).port());
            String openId = "oWxTwoNodesNoRedis000001";
            Map<String, Object> plainProfile = Map.of("openid", openId,
                    "auth_data", ServiceClient.json(Map.of("nickName", "老用户", "gender", 1)));
            Answer registered = info(nodeD, WEIXIN, plainProfile);
            assertThat(registered.code()).as(registered.body()).isZero();

            redis.stop();

            // a returning login by a known openid, with the proof off, and token look-ups: on both nodes
            Answer returning = info(nodeE, WEIXIN, plainProfile);
            assertThat(returning.code()).as(returning.body()).isZero();
            assertThat(returning.data().get("id").asText()).isEqualTo(registered.data().get("id").asText());
            String token = returning.data().get("token").asText();
            assertThat(tokenUserInfo(nodeD, token).code()).isZero();
            assertThat(tokenUserInfo(nodeE, token).code()).isZero();
            assertThat(info(nodeD, WEIXIN, plainProfile).code()).isZero();

            // a code exchange must keep the session key and the proof where every node finds them: a clear answer, fast
            String baiduOpenId = "k9TwoNodesNoRedis0000001";
            stub.willAnswer(BAIDU, "bd-no-redis", new Session(baiduOpenId, "", BAIDU_SESSION_KEY));
            long before = System.nanoTime();
            Answer exchange = auth(nodeD, BAIDU, "bd-no-redis");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
            assertThat(exchange.code()).as(exchange.body()).isEqualTo(-100);
            assertThat(exchange.msg()).isEqualTo("系统繁忙，请稍后再试");
            assertThat(exchange.data().isArray()).isTrue();
            assertThat(millis).as("answered within the 1 s Redis timeout (and some)").isLessThan(2_500);

            redis.start();

            // back without a restart: the exchange on D, the encrypted profile on E. Each node reconnects on its
            // own schedule, so E may still be busy for a moment after D answers again.
            Answer recovered = onceRecovered(() -> auth(nodeD, BAIDU, "bd-no-redis"));
            assertThat(recovered.code()).as(recovered.body()).isZero();
            Answer baiduLogin = onceRecovered(() -> info(nodeE, BAIDU, sealedBaiduProfile(BAIDU_APP, baiduOpenId, "恢复了")));
            assertThat(baiduLogin.code()).as(baiduLogin.body()).isZero();
            assertThat(tokenUserInfo(nodeD, baiduLogin.data().get("token").asText()).code()).isZero();
        } finally {
            SharedRedisKeys.removeKeys(ownRedis, ownPrefix);
            redis.close();
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    private Map<String, String> environment(String redisUrl, String keyPrefix) {
        Map<String, String> env = ProductionNodes.environment(MARIADB + database, redisUrl, keyPrefix, secret);
        // the crowd's 32 requests a node hold a connection each while they queue on the user's row lock
        env.put("MINIPASS_DB_POOL_SIZE", "32");
        env.put("MINIPASS_TOKEN_CACHE_TTL", "10m");
        ProductionNodes.weixin(env, stub, WEIXIN_APP);
        ProductionNodes.baidu(env, stub, BAIDU_APP_ID, BAIDU_APP);
        return env;
    }

    private MinipassServer start(Map<String, String> env) {
        MinipassServer server = ProductionNodes.start(env);
        running.add(0, server);
        return server;
    }






    private long count(String sql, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(MARIADB + database, "root", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void sql(String statementText) throws SQLException {
        try (Connection connection = DriverManager.getConnection(MARIADB, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute(statementText);
        }
    }



    /** The call's answer once it is no longer busy, asking again every 200 ms for up to 15 s. */
    private static Answer onceRecovered(Supplier<Answer> call) {
        Answer answer = call.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (answer.code() == -100 && System.nanoTime() < deadline) {
            sleep(200);
            answer = call.get();
        }
        return answer;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
