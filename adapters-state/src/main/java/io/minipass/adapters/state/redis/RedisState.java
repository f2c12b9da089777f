package io.minipass.adapters.state.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.minipass.adapters.state.SharedStateHealth;
import io.minipass.adapters.state.TokenEvictions;
import io.minipass.application.port.out.EvictTokensPort;
import io.minipass.application.port.out.AttemptCounterPort;
import io.minipass.application.port.out.LoginCodeProofPort;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.application.port.out.SharedStateUnavailableException;
import io.minipass.application.port.out.VerifiedMobilePort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The state several nodes share, kept in one Redis: session keys, login proofs, verified mobiles,
 * attempt budgets and token evictions, each handed out as its port, ready to use. Every key and the
 * eviction channel start with the configured prefix.
 *
 * <p>When Redis cannot be reached, every port call fails within the configured timeout with
 * {@link SharedStateUnavailableException} (token evictions are best effort and never fail), and all
 * recovers by itself once Redis answers again. Connecting never fails for want of Redis: a node
 * starts, and serves what does not need Redis, while Redis is down.
 *
 * <p>Session keys are stored sealed with AES-256-GCM under the configured secret; see
 * {@link RedisSettings#sessionKeySecret()}. Verified mobiles are named by an HMAC under a key derived
 * from that secret, so no mobile is in Redis in clear.
 */
public final class RedisState implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisState.class);
    private static final Duration MIN_RECONNECT_DELAY = Duration.ofMillis(50);

    private final ClientResources resources;
    private final RedisClient client;
    private final ScheduledExecutorService retries;
    private final RedisConnection connection;
    private final String clientName;
    private final RedisSessionKeyStore sessionKeys;
    private final RedisLoginCodeProofs loginProofs;
    private final RedisVerifiedMobiles verifiedMobiles;
    private final RedisAttemptCounter attempts;
    private final RedisTokenEvictions tokenEvictions;

    private RedisState(RedisSettings settings) {
        Duration timeout = settings.commandTimeout();
        RedisURI uri;
        try {
            uri = RedisURI.create(settings.url());
        } catch (RuntimeException unreadable) {
            throw new IllegalArgumentException("the Redis URL cannot be read: " + settings.maskedUrl());
        }
        uri.setTimeout(timeout);
        this.clientName = "minipass-" + UUID.randomUUID().toString().substring(0, 8);
        uri.setClientName(clientName);
        this.resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(MIN_RECONNECT_DELAY, timeout.compareTo(MIN_RECONNECT_DELAY) > 0
                        ? timeout : MIN_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        this.retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "minipass-redis-retry");
            thread.setDaemon(true);
            return thread;
        });
        this.connection = new RedisConnection(client, timeout);
        String prefix = settings.keyPrefix();
        this.sessionKeys = new RedisSessionKeyStore(connection, prefix,
                new SessionKeyCipher(settings.sessionKeySecretBytes()), settings.sessionKeyTtl());
        this.loginProofs = new RedisLoginCodeProofs(connection, prefix, settings.loginProofTtl());
        this.verifiedMobiles = new RedisVerifiedMobiles(connection, prefix, settings.sessionKeySecretBytes(),
                settings.loginProofTtl());
        this.attempts = new RedisAttemptCounter(connection, prefix);
        this.tokenEvictions = new RedisTokenEvictions(client, connection, prefix, timeout, retries);
    }

    /**
     * Sets up the client and tries Redis once. A Redis that does not answer is logged, not thrown:
     * the ports fail fast until it answers.
     *
     * @throws IllegalArgumentException when the URL cannot be read
     */
    public static RedisState connect(RedisSettings settings) {
        RedisState state = new RedisState(settings);
        try {
            state.connection.call("ping", r -> r.ping());
            log.info("Shared state in Redis at {} under the prefix '{}'", settings.maskedUrl(), settings.keyPrefix());
        } catch (SharedStateUnavailableException unavailable) {
            log.warn("Redis at {} does not answer ({}); what needs shared state fails until it does",
                    settings.maskedUrl(), unavailable.getMessage());
        }
        return state;
    }

    public SessionKeyStore sessionKeys() {
        return sessionKeys;
    }

    public LoginCodeProofPort loginProofs() {
        return loginProofs;
    }

    /** Each record lives as long as a login proof. */
    public VerifiedMobilePort verifiedMobiles() {
        return verifiedMobiles;
    }

    public AttemptCounterPort attempts() {
        return attempts;
    }

    public TokenEvictions tokenEvictions() {
        return tokenEvictions;
    }

    /** Whether Redis answers (the command connection is open) and how many commands failed, for the metrics. */
    public SharedStateHealth health() {
        return new SharedStateHealth() {
            @Override
            public boolean isReachable() {
                return connection.isOpen();
            }

            @Override
            public long failedCommands() {
                return connection.failedCalls();
            }
        };
    }

    /** Evictions an operator's revocation publishes, on the channel {@link #tokenEvictions()} listens on. */
    public EvictTokensPort evictTokens() {
        return tokenEvictions;
    }

    /** The name this node's connections give Redis, as {@code CLIENT LIST} shows it: {@code minipass-} and 8 random hex digits. */
    String clientName() {
        return clientName;
    }

    /** Whether the command connection is open now. */
    boolean isConnected() {
        return connection.isOpen();
    }

    boolean isListeningForEvictions() {
        return tokenEvictions.isListening();
    }

    @Override
    public void close() {
        tokenEvictions.close();
        connection.close();
        retries.shutdownNow();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
