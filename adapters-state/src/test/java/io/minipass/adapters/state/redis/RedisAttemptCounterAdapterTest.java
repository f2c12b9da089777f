package io.minipass.adapters.state.redis;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Attempt budgets that two nodes count together. */
class RedisAttemptCounterAdapterTest {
    private final TestRedis redis = new TestRedis();
    private final RedisState nodeA = RedisState.connect(redis.settings());
    private final RedisState nodeB = RedisState.connect(redis.settings());

    @AfterEach
    void removeKeys() {
        nodeA.close();
        nodeB.close();
        redis.close();
    }

    @Test
    void two_nodes_count_in_one_window() {
        nodeA.attempts().add("exchange:ip:203.0.113.7", Duration.ofMinutes(1));
        nodeB.attempts().add("exchange:ip:203.0.113.7", Duration.ofMinutes(1));

        assertThat(nodeA.attempts().count("exchange:ip:203.0.113.7")).isEqualTo(2);
        assertThat(nodeB.attempts().add("exchange:ip:203.0.113.7", Duration.ofMinutes(1))).isEqualTo(3);
    }

    @Test
    void the_window_is_set_by_the_first_attempt_only() {
        String key = redis.prefix + "attempts:decrypt:openid:oDemo";
        nodeA.attempts().add("decrypt:openid:oDemo", Duration.ofMinutes(1));
        nodeB.attempts().add("decrypt:openid:oDemo", Duration.ofHours(1));

        assertThat(redis.raw().pttl(key)).isBetween(Duration.ofSeconds(55).toMillis(), Duration.ofMinutes(1).toMillis());
    }
}
