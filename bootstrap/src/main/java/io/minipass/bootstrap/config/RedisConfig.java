package io.minipass.bootstrap.config;

import io.minipass.adapters.state.redis.RedisSettings;

import java.time.Duration;
import java.util.Optional;

/**
 * Where several nodes keep the state they share (session keys, login proofs, attempt counts, token
 * evictions): a Redis, used only when {@code MINIPASS_REDIS_URL} is set. Without it the node keeps that
 * state in its own memory, which is right for one node. {@link #toString} shows neither the URL's
 * password nor the secret, and no error message names either.
 *
 * @param url              {@code MINIPASS_REDIS_URL}, e.g. {@code redis://127.0.0.1:6379/0} or {@code redis://:password@host:6379/0}
 * @param keyPrefix        {@code MINIPASS_REDIS_KEY_PREFIX}, default {@code minipass:}
 * @param sessionKeySecret {@code MINIPASS_REDIS_SESSION_KEY_SECRET}: 32 random bytes in base64, the same on every node
 * @param timeout          {@code MINIPASS_REDIS_TIMEOUT}, default 1 s: no call waits longer for Redis
 */
public record RedisConfig(String url, String keyPrefix, String sessionKeySecret, Duration timeout) {
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

    static Optional<RedisConfig> load(SettingParser settings) {
        String url = settings.text("redis.url", "");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        if (!url.startsWith("redis://") && !url.startsWith("rediss://") && !url.startsWith("redis-sentinel://")) {
            throw new ConfigException(ConfigSource.envName("redis.url") + " must start with redis://, rediss:// or redis-sentinel://");
        }
        String prefix = settings.text("redis.key.prefix", RedisSettings.DEFAULT_KEY_PREFIX);
        String secret = settings.text("redis.session.key.secret", "");
        if (secret.isEmpty()) {
            throw new ConfigException(ConfigSource.envName("redis.session.key.secret") + " is required when "
                    + ConfigSource.envName("redis.url") + " is set: 32 random bytes in base64, the same on every node"
                    + " (openssl rand -base64 32); session keys are stored sealed with it");
        }
        Duration timeout = settings.duration("redis.timeout", RedisSettings.DEFAULT_COMMAND_TIMEOUT);
        if (timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new ConfigException(ConfigSource.envName("redis.timeout") + "=" + timeout.toSeconds()
                    + "s is not a timeout from 1s to 1m");
        }
        RedisConfig config = new RedisConfig(url, prefix, secret, timeout);
        config.check(prefix);
        return Optional.of(config);
    }

    /** The adapter's settings; the session key and login proof lifetimes are the single node's. */
    public RedisSettings settings(Duration loginProofTtl) {
        return new RedisSettings(url, keyPrefix, sessionKeySecret, timeout, RedisSettings.DEFAULT_SESSION_KEY_TTL,
                loginProofTtl);
    }

    /** The adapter's own checks, each failure named by its setting; its messages hold no secret. */
    private void check(String prefix) {
        try {
            RedisSettings.of(url, sessionKeySecret);
        } catch (IllegalArgumentException wrong) {
            throw new ConfigException(ConfigSource.envName("redis.session.key.secret") + ": " + wrong.getMessage());
        }
        try {
            RedisSettings.of(url, sessionKeySecret).withKeyPrefix(prefix);
        } catch (IllegalArgumentException wrong) {
            throw new ConfigException(ConfigSource.envName("redis.key.prefix") + ": " + wrong.getMessage());
        }
    }

    /** The URL without its password, for logs. */
    public String maskedUrl() {
        int at = url.lastIndexOf('@');
        return at < 0 ? url : url.substring(0, url.indexOf("://") + 3) + "***" + url.substring(at);
    }

    @Override
    public String toString() {
        return "RedisConfig[url=" + maskedUrl() + ", keyPrefix=" + keyPrefix + ", sessionKeySecret=***, timeout=" + timeout + "]";
    }
}
