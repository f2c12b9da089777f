package io.minipass.adapters.state.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.minipass.adapters.state.TokenEvictions;
import io.minipass.domain.user.EvictionReach;
import io.minipass.application.port.out.EvictTokensPort;
import io.minipass.application.port.out.SharedStateUnavailableException;
import io.minipass.domain.user.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Token evictions over Redis pub/sub on the channel {@code <prefix>token-replaced}: a publish reaches
 * every node subscribed at that moment, the publishing one included. The subscription has its own
 * connection, opened with the first subscriber and, while Redis cannot be reached, tried again every
 * {@code retryAfter}; once open the client reconnects and subscribes again by itself. Every loss and
 * every return of that connection is told to the subscribers as a possible gap.
 */
final class RedisTokenEvictions implements TokenEvictions, EvictTokensPort, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisTokenEvictions.class);

    private final RedisClient client;
    private final RedisConnection commands;
    private final String channel;
    private final Duration retryAfter;
    private final ScheduledExecutorService retries;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Object opening = new Object();
    private StatefulRedisPubSubConnection<String, String> subscription;
    private volatile boolean closed;

    RedisTokenEvictions(RedisClient client, RedisConnection commands, String keyPrefix, Duration retryAfter,
                        ScheduledExecutorService retries) {
        this.client = client;
        this.commands = commands;
        this.channel = keyPrefix + "token-replaced";
        this.retryAfter = retryAfter;
        this.retries = retries;
    }

    @Override
    public void publish(String replacedToken) {
        try {
            commands.call("publish a replaced token", r -> r.publish(channel, replacedToken));
        } catch (SharedStateUnavailableException unavailable) {
            log.warn("A replaced token could not be announced to the other nodes: {}", unavailable.getMessage());
        }
    }

    /**
     * Publishes each token, answering how many subscriptions (one per node) the fewest of them reached; with no
     * token, how many are listening now. Redis out of reach: undelivered, nothing thrown.
     */
    @Override
    public EvictionReach evict(List<Token> tokens) {
        try {
            long listeners = tokens.isEmpty()
                    ? commands.call("count the nodes listening for evictions",
                            r -> r.pubsubNumsub(channel).getOrDefault(channel, 0L))
                    : Long.MAX_VALUE;
            for (Token token : tokens) {
                listeners = Math.min(listeners,
                        commands.call("publish a revoked token", r -> r.publish(channel, token.value())));
            }
            return new EvictionReach.EveryNode(listeners);
        } catch (SharedStateUnavailableException unavailable) {
            return new EvictionReach.Undelivered(unavailable.getMessage());
        }
    }

    @Override
    public void subscribe(Consumer<String> onReplaced, Runnable onPossiblyMissed) {
        subscribers.add(new Subscriber(Objects.requireNonNull(onReplaced, "onReplaced"),
                Objects.requireNonNull(onPossiblyMissed, "onPossiblyMissed")));
        openSubscription();
    }

    /** Whether the subscription connection is open now; for tests. */
    boolean isListening() {
        synchronized (opening) {
            return subscription != null && subscription.isOpen();
        }
    }

    private void openSubscription() {
        synchronized (opening) {
            if (subscription != null || closed) {
                return;
            }
            StatefulRedisPubSubConnection<String, String> opened = null;
            try {
                opened = client.connectPubSub(StringCodec.UTF8);
                opened.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String from, String token) {
                        if (channel.equals(from)) {
                            deliver(token);
                        }
                    }
                });
                opened.sync().subscribe(channel);
                subscription = opened;
                client.addListener(new GapListener(opened));
            } catch (RuntimeException failure) {
                if (opened != null) {
                    opened.closeAsync();
                }
                log.warn("Cannot subscribe to token evictions in Redis yet ({}); trying again in {} ms",
                        failure.getClass().getSimpleName(), retryAfter.toMillis());
                retries.schedule(this::openSubscription, retryAfter.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void deliver(String token) {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.onReplaced().accept(token);
            } catch (RuntimeException failure) {
                log.warn("A token eviction subscriber failed", failure);
            }
        }
    }

    private void possiblyMissed() {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.onPossiblyMissed().run();
            } catch (RuntimeException failure) {
                log.warn("A token eviction subscriber failed", failure);
            }
        }
    }

    @Override
    public void close() {
        synchronized (opening) {
            closed = true;
            if (subscription != null) {
                subscription.close();
                subscription = null;
            }
        }
    }

    private record Subscriber(Consumer<String> onReplaced, Runnable onPossiblyMissed) {
    }

    /** Tells the subscribers when this subscription's connection drops and when it is back. */
    private final class GapListener implements RedisConnectionStateListener {
        private final StatefulRedisPubSubConnection<String, String> watched;

        GapListener(StatefulRedisPubSubConnection<String, String> watched) {
            this.watched = watched;
        }

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            if (connection == watched && !closed) {
                log.warn("Lost the subscription to token evictions in Redis; token caches are dropped");
                possiblyMissed();
            }
        }

        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
            if (connection == watched && !closed) {
                log.info("Subscribed to token evictions in Redis again; token caches are dropped");
                possiblyMissed();
            }
        }
    }
}
