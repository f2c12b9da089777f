package io.minipass.adapters.state.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The Redis the tests use: {@code -Dminipass.test.redis.url} (default {@value #DEFAULT_URL}), no
 * password. Each test gets its own random key prefix and removes its keys afterwards, through a
 * connection of its own that reads what the adapters stored as Redis holds it.
 */
final class TestRedis implements AutoCloseable {
    static final String DEFAULT_URL = "redis://127.0.0.1:6379";
    static final String URL = System.getProperty("minipass.test.redis.url", DEFAULT_URL);

    final String prefix = "minipass-test-" + UUID.randomUUID().toString().substring(0, 12) + ":";
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    TestRedis() {
        RedisURI uri = RedisURI.create(URL);
        uri.setTimeout(Duration.ofSeconds(5));
        client = RedisClient.create(uri);
        try {
            connection = client.connect();
        } catch (RuntimeException unreachable) {
            client.shutdown();
            throw new IllegalStateException("The Redis tests need a Redis server at " + URL
                    + ": start one (redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no)"
                    + " or point -Dminipass.test.redis.url at one", unreachable);
        }
    }

    /** Settings for this test's prefix, with a fresh secret. */
    RedisSettings settings() {
        return RedisSettings.of(URL, randomSecret()).withKeyPrefix(prefix);
    }

    /** These settings with another command timeout. */
    static RedisSettings withCommandTimeout(RedisSettings settings, Duration timeout) {
        return new RedisSettings(settings.url(), settings.keyPrefix(), settings.sessionKeySecret(), timeout,
                settings.sessionKeyTtl(), settings.loginProofTtl());
    }

    /** These settings with another session key lifetime. */
    static RedisSettings withSessionKeyTtl(RedisSettings settings, Duration ttl) {
        return new RedisSettings(settings.url(), settings.keyPrefix(), settings.sessionKeySecret(),
                settings.commandTimeout(), ttl, settings.loginProofTtl());
    }

    /** These settings with another login proof lifetime. */
    static RedisSettings withLoginProofTtl(RedisSettings settings, Duration ttl) {
        return new RedisSettings(settings.url(), settings.keyPrefix(), settings.sessionKeySecret(),
                settings.commandTimeout(), settings.sessionKeyTtl(), ttl);
    }

    static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    /** A loopback port nothing listens on (nothing did a moment ago). */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    RedisCommands<String, String> raw() {
        return connection.sync();
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = raw().scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }

    /** Drops the connections a node opened under this name, as a network fault would. */
    long killConnectionsOf(String clientName) {
        long killed = 0;
        for (String line : raw().clientList().split("\n")) {
            if (line.contains(" name=" + clientName + " ")) {
                String id = line.substring(line.indexOf("id=") + 3, line.indexOf(' ', line.indexOf("id=")));
                killed += raw().clientKill(KillArgs.Builder.id(Long.parseLong(id)));
            }
        }
        return killed;
    }

    @Override
    public void close() {
        try {
            List<String> keys = keys();
            if (!keys.isEmpty()) {
                raw().del(keys.toArray(String[]::new));
            }
        } finally {
            connection.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
