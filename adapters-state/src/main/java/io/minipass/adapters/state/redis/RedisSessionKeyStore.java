package io.minipass.adapters.state.redis;

import io.lettuce.core.ScriptOutputType;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Session keys in Redis, one hash per platform and openid ({@code <prefix>session-key:<platform>:<openid>})
 * holding the key sealed with AES-256-GCM ({@link SessionKeyCipher}, the secret from configuration:
 * Redis never sees a key in clear) and the failed decryptions counted since it was remembered.
 * The hash expires its lifetime after it was remembered; counting failures does not prolong it.
 * A stored value that does not open with this node's secret (another secret, altered) is no key:
 * the client logs in again.
 */
final class RedisSessionKeyStore implements SessionKeyStore {
    private static final Logger log = LoggerFactory.getLogger(RedisSessionKeyStore.class);
    private static final String SEALED = "key";

    private static final RedisScript REMEMBER = new RedisScript("""
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'key', ARGV[1], 'failures', 0)
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """);
    private static final RedisScript COUNT_FAILURE = new RedisScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then
              return 0
            end
            return redis.call('HINCRBY', KEYS[1], 'failures', 1)
            """);

    private final RedisConnection redis;
    private final String prefix;
    private final SessionKeyCipher cipher;
    private final String ttlMillis;

    RedisSessionKeyStore(RedisConnection redis, String keyPrefix, SessionKeyCipher cipher, Duration ttl) {
        this.redis = redis;
        this.prefix = keyPrefix + "session-key:";
        this.cipher = cipher;
        this.ttlMillis = Long.toString(Math.max(1, ttl.toMillis()));
    }

    @Override
    public void remember(Platform platform, OpenId openId, String sessionKey) {
        String owner = owner(platform, openId);
        if (sessionKey == null || sessionKey.isEmpty()) {
            redis.call("forget a session key", r -> r.del(prefix + owner));
            return;
        }
        String sealed = cipher.seal(sessionKey, owner);
        redis.call("remember a session key", r -> REMEMBER.<Long>run(r, ScriptOutputType.INTEGER,
                new String[] {prefix + owner}, sealed, ttlMillis));
    }

    @Override
    public Optional<String> find(Platform platform, OpenId openId) {
        String owner = owner(platform, openId);
        String sealed = redis.call("find a session key", r -> r.hget(prefix + owner, SEALED));
        if (sealed == null) {
            return Optional.empty();
        }
        Optional<String> key = cipher.open(sealed, owner);
        if (key.isEmpty()) {
            log.warn("A {} session key in Redis does not open with this node's secret: treated as none"
                    + " (is MINIPASS_REDIS_SESSION_KEY_SECRET the same on every node?)", platform.clientType());
        }
        return key;
    }

    @Override
    public int recordFailedDecryption(Platform platform, OpenId openId) {
        Long failures = redis.call("count a failed decryption", r -> COUNT_FAILURE.<Long>run(r,
                ScriptOutputType.INTEGER, new String[] {prefix + owner(platform, openId)}));
        return failures == null ? 0 : (int) Math.min(Integer.MAX_VALUE, failures);
    }

    @Override
    public void forget(Platform platform, OpenId openId) {
        redis.call("forget a session key", r -> r.del(prefix + owner(platform, openId)));
    }

    /** The platform's client type cannot hold a colon, so the openid after it is unambiguous. */
    private static String owner(Platform platform, OpenId openId) {
        return platform.clientType() + ":" + openId.value();
    }
}
