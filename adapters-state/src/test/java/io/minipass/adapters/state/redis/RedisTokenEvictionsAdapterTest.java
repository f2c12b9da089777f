package io.minipass.adapters.state.redis;

import io.minipass.adapters.state.LocalTokenEvictions;
import io.minipass.domain.user.EvictionReach;
import io.minipass.domain.user.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A replaced token reaches every node, each on its own Lettuce connections. */
class RedisTokenEvictionsAdapterTest {
    private static final Duration BOUND = Duration.ofSeconds(2);

    private final TestRedis redis = new TestRedis();
    private final RedisState nodeA = RedisState.connect(redis.settings());
    private final RedisState nodeB = RedisState.connect(redis.settings());
    private final List<String> heardByA = new CopyOnWriteArrayList<>();
    private final List<String> heardByB = new CopyOnWriteArrayList<>();
    private final AtomicInteger gapsOfA = new AtomicInteger();

    @AfterEach
    void removeKeys() {
        nodeA.close();
        nodeB.close();
        redis.close();
    }

    @Test
    void a_publish_reaches_both_nodes_within_the_bound() throws Exception {
        nodeA.tokenEvictions().subscribe(heardByA::add, gapsOfA::incrementAndGet);
        nodeB.tokenEvictions().subscribe(heardByB::add, () -> { });

        long start = System.nanoTime();
        nodeB.tokenEvictions().publish("2a91cd4304f9e4095e0f176ba3bfb80c");

        waitUntil(() -> heardByA.size() == 1 && heardByB.size() == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        assertThat(heardByA).containsExactly("2a91cd4304f9e4095e0f176ba3bfb80c");
        assertThat(heardByB).containsExactly("2a91cd4304f9e4095e0f176ba3bfb80c");
        assertThat(gapsOfA).hasValue(0);
    }

    @Test
    void nodes_under_another_prefix_hear_nothing() throws Exception {
        try (TestRedis otherShop = new TestRedis(); RedisState stranger = RedisState.connect(otherShop.settings())) {
            List<String> heardByStranger = new CopyOnWriteArrayList<>();
            stranger.tokenEvictions().subscribe(heardByStranger::add, () -> { });
            nodeA.tokenEvictions().subscribe(heardByA::add, () -> { });

            nodeB.tokenEvictions().publish("token-of-this-shop");

            waitUntil(() -> heardByA.size() == 1);
            Thread.sleep(200);
            assertThat(heardByStranger).isEmpty();
        }
    }

    @Test
    void a_dropped_subscription_is_told_as_a_gap_and_listens_again() throws Exception {
        nodeA.tokenEvictions().subscribe(heardByA::add, gapsOfA::incrementAndGet);

        assertThat(redis.killConnectionsOf(nodeA.clientName())).isPositive();

        waitUntil(() -> gapsOfA.get() >= 2 && nodeA.isListeningForEvictions());
        waitUntil(() -> {
            nodeB.tokenEvictions().publish("after-the-gap");
            return heardByA.contains("after-the-gap");
        });
        assertThat(nodeA.attempts().add("after-the-gap", Duration.ofMinutes(1))).isEqualTo(1);
    }

    @Test
    void a_revocation_reaches_every_listening_node_at_once_and_says_how_many_heard_it() throws Exception {
        nodeA.tokenEvictions().subscribe(heardByA::add, () -> { });
        nodeB.tokenEvictions().subscribe(heardByB::add, () -> { });
        waitUntil(() -> nodeA.isListeningForEvictions() && nodeB.isListeningForEvictions());
        try (RedisState operator = RedisState.connect(redis.settings())) {
            assertThat(operator.evictTokens().evict(List.of())).as("no token: the nodes listening")
                    .isEqualTo(new EvictionReach.EveryNode(2));

            EvictionReach reach = operator.evictTokens().evict(List.of(new Token("revoked-1"), new Token("revoked-2")));

            assertThat(reach).isEqualTo(new EvictionReach.EveryNode(2));
            waitUntil(() -> heardByA.size() == 2 && heardByB.size() == 2);
            assertThat(heardByA).containsExactly("revoked-1", "revoked-2");
            assertThat(heardByB).containsExactly("revoked-1", "revoked-2");
        }
    }

    @Test
    void a_revocation_without_redis_says_it_was_not_delivered_and_throws_nothing() {
        try (RedisState unreachable = RedisState.connect(TestRedis.withCommandTimeout(
                RedisSettings.of("redis://127.0.0.1:" + TestRedis.closedPort(), TestRedis.randomSecret()),
                Duration.ofMillis(300)))) {
            assertThat(unreachable.evictTokens().evict(List.of(new Token("revoked"))))
                    .isInstanceOf(EvictionReach.Undelivered.class);
        }
    }

    @Test
    void the_local_variant_tells_its_own_subscribers_and_says_no_other_node_heard() {
        LocalTokenEvictions local = new LocalTokenEvictions();
        local.subscribe(heardByA::add, () -> { });

        assertThat(local.evict(List.of(new Token("revoked")))).isEqualTo(new EvictionReach.ThisProcessOnly());
        assertThat(heardByA).containsExactly("revoked");
    }

    @Test
    void the_local_variant_needs_no_redis_and_tells_its_subscribers_at_once() {
        LocalTokenEvictions local = new LocalTokenEvictions();
        local.subscribe(heardByA::add, gapsOfA::incrementAndGet);
        local.subscribe(token -> { throw new IllegalStateException("a broken subscriber"); }, () -> { });
        local.subscribe(heardByB::add, () -> { });

        local.publish("replaced");

        assertThat(heardByA).containsExactly("replaced");
        assertThat(heardByB).containsExactly("replaced");
        assertThat(gapsOfA).hasValue(0);
    }

    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.multipliedBy(3).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited too long").isNegative();
            Thread.sleep(20);
        }
    }
}
