package io.minipass.adapters.state.redis;

import io.minipass.application.port.out.SharedStateUnavailableException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without Redis every call fails within its timeout, with one exception type, and nothing hangs. */
class RedisUnavailableAdapterTest {
    private static final OpenId OPENID = new OpenId("oNoRedisOpenid");
    private static final String MOBILE = "13800138000";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration BOUND = Duration.ofMillis(2500);

    private final TestRedis redis = new TestRedis();
    private final List<RedisState> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        nodes.forEach(RedisState::close);
        redis.close();
    }

    @Test
    void a_node_starts_without_redis_and_every_call_fails_fast() {
        RedisState node = node("redis://127.0.0.1:" + TestRedis.closedPort());

        failsFast(() -> node.sessionKeys().remember(Platform.BAIDU, OPENID, "key"));
        failsFast(() -> node.sessionKeys().find(Platform.BAIDU, OPENID));
        failsFast(() -> node.sessionKeys().recordFailedDecryption(Platform.BAIDU, OPENID));
        failsFast(() -> node.sessionKeys().forget(Platform.BAIDU, OPENID));
        failsFast(() -> node.loginProofs().record(new PlatformIdentity(Platform.WEIXIN, OPENID, Optional.empty())));
        failsFast(() -> node.loginProofs().find(Platform.WEIXIN, OPENID));
        failsFast(() -> node.loginProofs().consume(Platform.WEIXIN, OPENID));
        failsFast(() -> node.verifiedMobiles().record(Platform.WEIXIN, OPENID, MOBILE));
        failsFast(() -> node.verifiedMobiles().consume(Platform.WEIXIN, OPENID, MOBILE));
        failsFast(() -> node.attempts().count("exchange:ip:203.0.113.7"));
        failsFast(() -> node.attempts().add("exchange:ip:203.0.113.7", Duration.ofMinutes(1)));
    }

    @Test
    void its_health_says_whether_redis_answers_and_counts_the_commands_that_failed() {
        RedisState up = node(TestRedis.URL);
        up.attempts().add("healthy", Duration.ofMinutes(1));
        assertThat(up.health().isReachable()).isTrue();
        assertThat(up.health().failedCommands()).isZero();

        RedisState down = node("redis://127.0.0.1:" + TestRedis.closedPort());
        assertThat(down.health().isReachable()).isFalse();
        long atStart = down.health().failedCommands();
        failsFast(() -> down.attempts().count("exchange:ip:203.0.113.7"));
        failsFast(() -> down.loginProofs().find(Platform.WEIXIN, OPENID));
        assertThat(down.health().failedCommands()).isEqualTo(atStart + 2);
        assertThat(down.health().isReachable()).isFalse();
    }

    @Test
    void many_callers_at_once_all_fail_within_the_bound() throws Exception {
        RedisState node = node("redis://127.0.0.1:" + TestRedis.closedPort());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            long start = System.nanoTime();
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(pool.submit(() -> node.loginProofs().consume(Platform.QQ, OPENID)));
            }
            for (Future<?> call : calls) {
                assertThatThrownBy(() -> call.get(BOUND.toMillis(), TimeUnit.MILLISECONDS))
                        .hasCauseInstanceOf(SharedStateUnavailableException.class);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND.multipliedBy(2));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_server_that_accepts_but_never_answers_fails_within_the_timeout() throws Exception {
        // The kernel completes the connection from the backlog; nothing ever reads or answers.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RedisState node = node("redis://127.0.0.1:" + silent.getLocalPort());

            failsFast(() -> node.attempts().count("exchange:ip:203.0.113.7"));
            failsFast(() -> node.loginProofs().find(Platform.WEIXIN, OPENID));
            failsFast(() -> node.verifiedMobiles().consume(Platform.WEIXIN, OPENID, MOBILE));
        }
    }

    @Test
    void publishing_an_eviction_without_redis_does_not_fail_the_caller() {
        RedisState node = node("redis://127.0.0.1:" + TestRedis.closedPort());
        node.tokenEvictions().subscribe(token -> { }, () -> { });

        long start = System.nanoTime();
        node.tokenEvictions().publish("replaced-token");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    @Test
    void a_dropped_connection_comes_back_by_itself() throws Exception {
        RedisState node = node(TestRedis.URL);
        assertThat(node.attempts().add("recovers", Duration.ofMinutes(1))).isEqualTo(1);

        assertThat(redis.killConnectionsOf(node.clientName())).isPositive();

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Long counted = null;
        while (counted == null) {
            long start = System.nanoTime();
            try {
                counted = node.attempts().add("recovers", Duration.ofMinutes(1));
            } catch (SharedStateUnavailableException whileReconnecting) {
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
                assertThat(System.nanoTime() - deadline).as("still not back").isNegative();
                Thread.sleep(50);
            }
        }
        assertThat(counted).isEqualTo(2);
    }

    private RedisState node(String url) {
        RedisState node = RedisState.connect(TestRedis.withCommandTimeout(
                RedisSettings.of(url, TestRedis.randomSecret()).withKeyPrefix(redis.prefix), TIMEOUT));
        nodes.add(node);
        return node;
    }

    private static void failsFast(ThrowingCallable call) {
        long start = System.nanoTime();
        assertThatThrownBy(call)
                .isInstanceOf(SharedStateUnavailableException.class)
                .hasMessageStartingWith("Redis did not answer")
                .hasMessageNotContaining(MOBILE)
                .hasMessageNotContaining(OPENID.value());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }
}
