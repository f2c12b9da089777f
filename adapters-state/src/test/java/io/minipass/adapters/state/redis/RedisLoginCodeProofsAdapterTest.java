package io.minipass.adapters.state.redis;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.UnionId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Proofs as two nodes see them in one Redis. */
class RedisLoginCodeProofsAdapterTest {
    private static final OpenId OPENID = new OpenId("oProofDemoOpenid");

    private final TestRedis redis = new TestRedis();
    private final RedisSettings settings = TestRedis.withLoginProofTtl(redis.settings(), Duration.ofMillis(700));
    private final RedisState nodeA = RedisState.connect(settings);
    private final RedisState nodeB = RedisState.connect(settings);

    @AfterEach
    void removeKeys() {
        nodeA.close();
        nodeB.close();
        redis.close();
    }

    @Test
    void a_proof_recorded_on_one_node_is_found_on_the_other_with_its_unionid() {
        nodeA.loginProofs().record(new PlatformIdentity(Platform.WEIXIN, OPENID,
                Optional.of(new UnionId("uDemoUnion"))));

        assertThat(nodeB.loginProofs().find(Platform.WEIXIN, OPENID))
                .map(PlatformIdentity::unionId).contains(Optional.of(new UnionId("uDemoUnion")));
        assertThat(redis.raw().get(redis.prefix + "login-proof:weixin:" + OPENID.value())).isEqualTo("uDemoUnion");
    }

    @Test
    void a_proof_without_unionid_stays_without() {
        nodeA.loginProofs().record(new PlatformIdentity(Platform.ALIPAY, OPENID, Optional.empty()));

        assertThat(nodeB.loginProofs().find(Platform.ALIPAY,
                OPENID)).map(PlatformIdentity::unionId).contains(Optional.empty());
    }

    @Test
    void a_proof_used_on_one_node_cannot_be_used_on_the_other() {
        nodeA.loginProofs().record(new PlatformIdentity(Platform.BAIDU, OPENID, Optional.empty()));

        assertThat(nodeA.loginProofs().consume(Platform.BAIDU, OPENID)).isTrue();
        assertThat(nodeB.loginProofs().consume(Platform.BAIDU, OPENID)).isFalse();
        assertThat(nodeB.loginProofs().find(Platform.BAIDU, OPENID)).isEmpty();
    }

    @Test
    void of_many_callers_on_two_nodes_exactly_one_uses_the_proof() throws Exception {
        nodeB.loginProofs().record(new PlatformIdentity(Platform.QQ, OPENID, Optional.empty()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                RedisState node = i % 2 == 0 ? nodeA : nodeB;
                takes.add(pool.submit(() -> node.loginProofs().consume(Platform.QQ, OPENID)));
            }
            int used = 0;
            for (Future<Boolean> take : takes) {
                used += take.get() ? 1 : 0;
            }
            assertThat(used).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_proof_expires_after_its_lifetime() throws Exception {
        nodeA.loginProofs().record(new PlatformIdentity(Platform.TOUTIAO, OPENID, Optional.empty()));
        assertThat(redis.raw().pttl(redis.prefix + "login-proof:toutiao:" + OPENID.value())).isBetween(1L, 700L);

        Thread.sleep(900);

        assertThat(nodeB.loginProofs().find(Platform.TOUTIAO, OPENID)).isEmpty();
        assertThat(nodeB.loginProofs().consume(Platform.TOUTIAO, OPENID)).isFalse();
    }
}
