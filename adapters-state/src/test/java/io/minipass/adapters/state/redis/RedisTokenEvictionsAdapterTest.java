package io.minipass.adapters.state.redis;

import io.minipass.adapters.state.LocalTokenEvictions;
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
