package io.minipass.adapters.state.redis;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Verified mobiles as two nodes see them in one Redis, and what Redis holds of them. */
class RedisVerifiedMobilesAdapterTest {
    private static final OpenId OPENID = new OpenId("oVerifiedDemoOpenid");
    private static final String MOBILE = "13800138000";

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
    void redis_holds_neither_the_mobile_nor_the_openid_in_clear() {
        nodeA.verifiedMobiles().record(Platform.WEIXIN, OPENID, MOBILE);

        List<String> keys = redis.keys();
        assertThat(keys).singleElement().asString()
                .startsWith(redis.prefix + "verified-mobile:weixin:")
                .doesNotContain(MOBILE)
                .doesNotContain(OPENID.value());
        String key = keys.get(0);
        assertThat(redis.raw().get(key)).doesNotContain(MOBILE).doesNotContain(OPENID.value());
        assertThat(redis.raw().dump(key)).asString().doesNotContain(MOBILE).doesNotContain(OPENID.value());
    }

    @Test
    void the_key_is_an_hmac_of_openid_and_mobile_under_a_key_derived_from_the_secret() throws Exception {
        nodeA.verifiedMobiles().record(Platform.QQ, OPENID, MOBILE);

        byte[] derived = hmac(settings.sessionKeySecretBytes(), "verified-mobile");
        String digest = Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(derived, OPENID.value() + "\n" + MOBILE));
        String underTheSecretItself = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac(settings.sessionKeySecretBytes(), OPENID.value() + "\n" + MOBILE));
        assertThat(redis.keys()).containsExactly(redis.prefix + "verified-mobile:qq:" + digest)
                .doesNotContain(redis.prefix + "verified-mobile:qq:" + underTheSecretItself);
    }

    @Test
    void one_mobile_under_two_openids_gives_unrelated_keys() {
        nodeA.verifiedMobiles().record(Platform.BAIDU, OPENID, MOBILE);
        nodeA.verifiedMobiles().record(Platform.BAIDU, new OpenId("oAnotherOpenid"), MOBILE);

        List<String> digests = redis.keys().stream().map(key -> key.substring(key.lastIndexOf(':') + 1)).toList();
        assertThat(digests).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void a_record_made_on_one_node_is_used_on_the_other_once() {
        nodeA.verifiedMobiles().record(Platform.ALIPAY, OPENID, MOBILE);

        assertThat(nodeB.verifiedMobiles().consume(Platform.ALIPAY, OPENID, MOBILE)).isTrue();
        assertThat(nodeA.verifiedMobiles().consume(Platform.ALIPAY, OPENID, MOBILE)).isFalse();
        assertThat(redis.keys()).isEmpty();
    }

    @Test
    void a_node_with_another_secret_finds_no_record() {
        try (RedisState stranger = RedisState.connect(redis.settings())) {
            nodeA.verifiedMobiles().record(Platform.WEIXIN, OPENID, MOBILE);

            assertThat(stranger.verifiedMobiles().consume(Platform.WEIXIN, OPENID, MOBILE)).isFalse();
            assertThat(nodeB.verifiedMobiles().consume(Platform.WEIXIN, OPENID, MOBILE)).isTrue();
        }
    }

    @Test
    void of_many_callers_on_two_nodes_exactly_one_uses_the_record() throws Exception {
        nodeB.verifiedMobiles().record(Platform.KUAISHOU, OPENID, MOBILE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                RedisState node = i % 2 == 0 ? nodeA : nodeB;
                takes.add(pool.submit(() -> node.verifiedMobiles().consume(Platform.KUAISHOU, OPENID, MOBILE)));
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
    void a_record_expires_after_its_lifetime() throws Exception {
        nodeA.verifiedMobiles().record(Platform.TOUTIAO, OPENID, MOBILE);
        assertThat(redis.keys()).singleElement()
                .satisfies(key -> assertThat(redis.raw().pttl(key)).isBetween(1L, 700L));

        Thread.sleep(900);

        assertThat(redis.keys()).isEmpty();
        assertThat(nodeB.verifiedMobiles().consume(Platform.TOUTIAO, OPENID, MOBILE)).isFalse();
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
