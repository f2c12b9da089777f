package io.minipass.adapters.state.redis;

import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * How to reach the Redis that several nodes share, and how to keep state in it. {@code bootstrap} reads each
 * component from the setting named here (docs/configuration.md):
 *
 * <table>
 *   <caption>settings</caption>
 *   <tr><th>component</th><th>setting</th><th>default</th></tr>
 *   <tr><td>{@code url}</td><td>{@code MINIPASS_REDIS_URL}</td>
 *       <td>none: Redis is used only when it is set, e.g. {@code redis://127.0.0.1:6379/0}
 *       ({@code rediss://} for TLS, {@code redis://:password@host:6379/0} with a password,
 *       {@code redis-sentinel://:password@sentinel1:26379,sentinel2:26379/0#mymaster} for a Sentinel-watched primary)</td></tr>
 *   <tr><td>{@code keyPrefix}</td><td>{@code MINIPASS_REDIS_KEY_PREFIX}</td><td>{@code minipass:}; every key
 *       and the eviction channel start with it, so several shops can share one Redis</td></tr>
 *   <tr><td>{@code sessionKeySecret}</td><td>{@code MINIPASS_REDIS_SESSION_KEY_SECRET}</td>
 *       <td>none, required: 32 random bytes in base64 ({@code openssl rand -base64 32}), the same on
 *       every node; session keys are stored sealed with it (AES-256-GCM), and verified mobiles named by
 *       an HMAC under a key derived from it</td></tr>
 *   <tr><td>{@code commandTimeout}</td><td>{@code MINIPASS_REDIS_TIMEOUT}</td><td>{@code 1s}; also the
 *       connect timeout: no call waits longer for Redis</td></tr>
 *   <tr><td>{@code sessionKeyTtl}</td><td>(no setting)</td><td>2 days, as the in-process store</td></tr>
 *   <tr><td>{@code loginProofTtl}</td><td>{@code MINIPASS_LOGIN_PROOF_TTL}</td><td>30 minutes; also how long
 *       a verified mobile is kept</td></tr>
 * </table>
 *
 * @param sessionKeySecret 32 bytes in standard base64; there is deliberately no default and no
 *                         per-process key: nodes with different keys could not read each other's
 *                         session keys, which is the one reason to put them in Redis
 */
public record RedisSettings(String url, String keyPrefix, String sessionKeySecret, Duration commandTimeout,
                            Duration sessionKeyTtl, Duration loginProofTtl) {
    public static final String DEFAULT_KEY_PREFIX = "minipass:";
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_SESSION_KEY_TTL = Duration.ofDays(2);
    public static final Duration DEFAULT_LOGIN_PROOF_TTL = Duration.ofMinutes(30);
    private static final int SECRET_BYTES = 32;
    private static final int MAX_PREFIX_LENGTH = 64;

    public RedisSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the Redis URL is empty");
        }
        if (!url.startsWith("redis://") && !url.startsWith("rediss://") && !url.startsWith("redis-sentinel://")) {
            throw new IllegalArgumentException("the Redis URL must start with redis://, rediss:// or redis-sentinel://");
        }
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (keyPrefix.length() > MAX_PREFIX_LENGTH || keyPrefix.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw new IllegalArgumentException("the Redis key prefix must be at most " + MAX_PREFIX_LENGTH
                    + " characters without spaces or control characters");
        }
        secretBytes(sessionKeySecret);
        requirePositive(commandTimeout, "the Redis timeout");
        requirePositive(sessionKeyTtl, "the session key lifetime");
        requirePositive(loginProofTtl, "the login proof lifetime");
    }

    /** The defaults for everything but where Redis is and the secret session keys are sealed with. */
    public static RedisSettings of(String url, String sessionKeySecret) {
        return new RedisSettings(url, DEFAULT_KEY_PREFIX, sessionKeySecret, DEFAULT_COMMAND_TIMEOUT,
                DEFAULT_SESSION_KEY_TTL, DEFAULT_LOGIN_PROOF_TTL);
    }

    public RedisSettings withKeyPrefix(String prefix) {
        return new RedisSettings(url, prefix, sessionKeySecret, commandTimeout, sessionKeyTtl, loginProofTtl);
    }

    byte[] sessionKeySecretBytes() {
        return secretBytes(sessionKeySecret);
    }

    /** The URL without its password, for logs. */
    String maskedUrl() {
        int at = url.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        int scheme = url.indexOf("://") + 3;
        return url.substring(0, scheme) + "***" + url.substring(at);
    }

    /** Never shows the secret or the URL's password. */
    @Override
    public String toString() {
        return "RedisSettings[url=" + maskedUrl() + ", keyPrefix=" + keyPrefix + ", sessionKeySecret=***"
                + ", commandTimeout=" + commandTimeout + ", sessionKeyTtl=" + sessionKeyTtl
                + ", loginProofTtl=" + loginProofTtl + "]";
    }

    private static byte[] secretBytes(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("the secret that seals session keys in Redis is not set"
                    + " (32 random bytes in base64, the same on every node: openssl rand -base64 32)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("the secret that seals session keys in Redis is not base64");
        }
        if (bytes.length != SECRET_BYTES) {
            throw new IllegalArgumentException("the secret that seals session keys in Redis must be "
                    + SECRET_BYTES + " bytes, not " + bytes.length);
        }
        return bytes;
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
