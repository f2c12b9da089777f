package io.minipass.adapters.state.redis;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What Redis holds for a session key, read over a connection of the test's own. */
class RedisSessionKeyStoreAdapterTest {
    private static final OpenId OPENID = new OpenId("oBaiduDemoOpenid1");
    private static final String SESSION_KEY = "MWRmMDlkMGExNjc3ZGQ3MmI4MzI1YWVj";

    private final TestRedis redis = new TestRedis();
    private final RedisSettings settings = TestRedis.withSessionKeyTtl(redis.settings(), Duration.ofHours(1));
    private final RedisState node = RedisState.connect(settings);

    @AfterEach
    void removeKeys() {
        node.close();
        redis.close();
    }

    @Test
    void redis_holds_the_key_sealed_not_in_clear() {
        node.sessionKeys().remember(Platform.BAIDU, OPENID, SESSION_KEY);

        String key = redis.prefix + "session-key:baidu:" + OPENID.value();
        Map<String, String> stored = redis.raw().hgetall(key);
        assertThat(stored).containsOnlyKeys("key", "failures").containsEntry("failures", "0");
        assertThat(stored.get("key")).startsWith("v1.").doesNotContain(SESSION_KEY);
        assertThat(redis.raw().dump(key)).asString().doesNotContain(SESSION_KEY);
        assertThat(node.sessionKeys().find(Platform.BAIDU, OPENID)).contains(SESSION_KEY);
    }

    @Test
    void the_same_key_is_sealed_differently_each_time() {
        node.sessionKeys().remember(Platform.BAIDU, OPENID, SESSION_KEY);
        String first = redis.raw().hget(redis.prefix + "session-key:baidu:" + OPENID.value(), "key");
        node.sessionKeys().remember(Platform.BAIDU, OPENID, SESSION_KEY);
        String second = redis.raw().hget(redis.prefix + "session-key:baidu:" + OPENID.value(), "key");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void a_key_lives_its_lifetime_from_when_it_was_remembered_and_failures_do_not_prolong_it() throws Exception {
        String key = redis.prefix + "session-key:qq:" + OPENID.value();
        node.sessionKeys().remember(Platform.QQ, OPENID, SESSION_KEY);
        assertThat(redis.raw().pttl(key)).isBetween(Duration.ofMinutes(59).toMillis(), Duration.ofHours(1).toMillis());

        redis.raw().pexpire(key, 400);
        node.sessionKeys().recordFailedDecryption(Platform.QQ, OPENID);
        assertThat(redis.raw().pttl(key)).isBetween(1L, 400L);

        Thread.sleep(600);
        assertThat(node.sessionKeys().find(Platform.QQ, OPENID)).isEmpty();
        assertThat(node.sessionKeys().recordFailedDecryption(Platform.QQ, OPENID)).isZero();
        assertThat(redis.keys()).isEmpty();
    }

    @Test
    void another_node_with_the_same_secret_reads_the_key_and_its_failures() {
        try (RedisState other = RedisState.connect(settings)) {
            node.sessionKeys().remember(Platform.BAIDU, OPENID, SESSION_KEY);
            node.sessionKeys().recordFailedDecryption(Platform.BAIDU, OPENID);

            assertThat(other.sessionKeys().find(Platform.BAIDU, OPENID)).contains(SESSION_KEY);
            assertThat(other.sessionKeys().recordFailedDecryption(Platform.BAIDU, OPENID)).isEqualTo(2);

            other.sessionKeys().forget(Platform.BAIDU, OPENID);
            assertThat(node.sessionKeys().find(Platform.BAIDU, OPENID)).isEmpty();
        }
    }

    @Test
    void a_node_with_another_secret_finds_no_key() {
        try (RedisState stranger = RedisState.connect(redis.settings())) {
            node.sessionKeys().remember(Platform.BAIDU, OPENID, SESSION_KEY);

            assertThat(stranger.sessionKeys().find(Platform.BAIDU, OPENID)).isEmpty();
        }
    }

    @Test
    void a_sealed_key_copied_to_another_openid_does_not_open() {
        node.sessionKeys().remember(Platform.BAIDU, OPENID, SESSION_KEY);
        redis.raw().copy(redis.prefix + "session-key:baidu:" + OPENID.value(),
                redis.prefix + "session-key:baidu:oAttacker");
        redis.raw().copy(redis.prefix + "session-key:baidu:" + OPENID.value(),
                redis.prefix + "session-key:qq:" + OPENID.value());

        assertThat(node.sessionKeys().find(Platform.BAIDU, new OpenId("oAttacker"))).isEmpty();
        assertThat(node.sessionKeys().find(Platform.QQ, OPENID)).isEmpty();
    }
}
