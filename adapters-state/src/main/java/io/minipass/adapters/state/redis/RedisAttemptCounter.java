package io.minipass.adapters.state.redis;

import io.lettuce.core.ScriptOutputType;
import io.minipass.application.port.out.AttemptCounterPort;

import java.time.Duration;

/**
 * Attempt counts in Redis, one counter per key ({@code <prefix>attempts:<key>}) that expires its
 * window's length after the attempt that created it. One script counts and, only for a counter
 * without an expiry (a new one), sets it: later attempts do not prolong the window, and no counter
 * is ever left without one.
 */
final class RedisAttemptCounter implements AttemptCounterPort {
    private static final RedisScript ADD = new RedisScript("""
            local attempts = redis.call('INCR', KEYS[1])
            if redis.call('PTTL', KEYS[1]) < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            return attempts
            """);

    private final RedisConnection redis;
    private final String prefix;

    RedisAttemptCounter(RedisConnection redis, String keyPrefix) {
        this.redis = redis;
        this.prefix = keyPrefix + "attempts:";
    }

    @Override
    public long count(String key) {
        String attempts = redis.call("read an attempt count", r -> r.get(prefix + key));
        return attempts == null ? 0 : Long.parseLong(attempts);
    }

    @Override
    public long add(String key, Duration window) {
        String windowMillis = Long.toString(Math.max(1, window.toMillis()));
        Long attempts = redis.call("count an attempt", r -> ADD.<Long>run(r, ScriptOutputType.INTEGER,
                new String[] {prefix + key}, windowMillis));
        return attempts == null ? 0 : attempts;
    }
}
