package io.minipass.bootstrap;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * What a test that runs nodes on a shared Redis needs to leave it as it found it: a key prefix of its own, removed
 * afterwards, and a session-key secret of its own.
 */
final class SharedRedisKeys {
    private SharedRedisKeys() {
    }

    /** A prefix no other run uses, e.g. {@code minipass-test-1a2b3c4d-5e6f:}. */
    static String newPrefix() {
        return "minipass-test-" + UUID.randomUUID().toString().substring(0, 12) + ":";
    }

    /** A 32-byte secret in Base64, as MINIPASS_REDIS_SESSION_KEY_SECRET takes it. */
    static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Removes every key under the prefix; the Redis keeps everything else. A Redis already gone holds nothing. */
    static void removeKeys(String url, String keyPrefix) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = connection.sync().scan(cursor, ScanArgs.Builder.matches(keyPrefix + "*").limit(500));
                if (!page.getKeys().isEmpty()) {
                    connection.sync().del(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } catch (RuntimeException unreachable) {
            // an own Redis already gone holds nothing any more
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
