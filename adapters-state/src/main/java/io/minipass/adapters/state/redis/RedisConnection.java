package io.minipass.adapters.state.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.minipass.application.port.out.SharedStateUnavailableException;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * One command connection to Redis, opened on first use. While Redis cannot be reached every call
 * fails within the timeout with {@link SharedStateUnavailableException}: the client rejects commands
 * while it is disconnected, times out those it sent, and tries to open a connection that was never
 * opened at most once per {@code retryAfter}, the calls in between failing at once. Once open, the
 * client reconnects by itself; nothing needs a restart.
 */
final class RedisConnection implements AutoCloseable {
    private final RedisClient client;
    private final Duration retryAfter;
    private final Object opening = new Object();
    private volatile StatefulRedisConnection<String, String> connection;
    private long nextAttemptNanos;
    private RuntimeException lastFailure;
    private final LongAdder failures = new LongAdder();

    RedisConnection(RedisClient client, Duration retryAfter) {
        this.client = client;
        this.retryAfter = retryAfter;
    }

    /**
     * Runs a command; every Redis failure (refused, timed out, disconnected, an error reply) comes
     * out as {@link SharedStateUnavailableException} naming {@code what} was attempted.
     */
    <T> T call(String what, Function<RedisCommands<String, String>, T> command) {
        try {
            return command.apply(open().sync());
        } catch (RedisException failure) {
            failures.increment();
            throw unavailable(what, failure);
        }
    }

    /** The calls that failed since the start. */
    long failedCalls() {
        return failures.sum();
    }

    /** Whether the command connection is open now (it may never have been). */
    boolean isOpen() {
        StatefulRedisConnection<String, String> open = connection;
        return open != null && open.isOpen();
    }

    private StatefulRedisConnection<String, String> open() {
        StatefulRedisConnection<String, String> open = connection;
        if (open != null) {
            return open;
        }
        synchronized (opening) {
            if (connection != null) {
                return connection;
            }
            if (lastFailure != null && System.nanoTime() - nextAttemptNanos < 0) {
                throw new RedisException("Redis did not answer the last attempt to connect", lastFailure);
            }
            try {
                connection = client.connect(StringCodec.UTF8);
                lastFailure = null;
                return connection;
            } catch (RuntimeException failure) {
                lastFailure = failure instanceof RedisException ? failure : new RedisException(failure.getMessage(), failure);
                nextAttemptNanos = System.nanoTime() + retryAfter.toNanos();
                throw lastFailure;
            }
        }
    }

    private static SharedStateUnavailableException unavailable(String what, RedisException failure) {
        return new SharedStateUnavailableException("Redis did not answer (" + what + "): "
                + failure.getClass().getSimpleName(), failure);
    }

    @Override
    public void close() {
        synchronized (opening) {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }
}
