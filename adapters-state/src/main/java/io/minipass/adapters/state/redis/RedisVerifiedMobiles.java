package io.minipass.adapters.state.redis;

import io.lettuce.core.SetArgs;
import io.minipass.application.port.out.VerifiedMobilePort;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;

/**
 * Verified mobiles in Redis, one string per platform, openid and mobile
 * ({@code <prefix>verified-mobile:<platform>:<digest>}), expiring after the record's lifetime.
 * Neither the mobile nor the openid is in Redis in clear (docs/security.md): the digest is the
 * HMAC-SHA256 of openid and mobile, in base64url, under a key derived from the configured secret
 * (HMAC of the secret over {@code verified-mobile}), so the bytes that seal session keys serve no
 * second purpose, and one mobile under two openids gives two unrelated keys. Taking a record is one
 * {@code DEL}: of any number of callers on any number of nodes exactly one removes the key and is
 * told {@code true}.
 */
final class RedisVerifiedMobiles implements VerifiedMobilePort {
    private static final String HMAC = "HmacSHA256";
    private static final byte[] PURPOSE = "verified-mobile".getBytes(StandardCharsets.UTF_8);
    private static final String RECORDED = "1";

    private final RedisConnection redis;
    private final String prefix;
    private final SecretKeySpec digestKey;
    private final SetArgs expiry;

    RedisVerifiedMobiles(RedisConnection redis, String keyPrefix, byte[] secret, Duration ttl) {
        this.redis = redis;
        this.prefix = keyPrefix + "verified-mobile:";
        this.digestKey = new SecretKeySpec(hmac(new SecretKeySpec(secret, HMAC), PURPOSE), HMAC);
        this.expiry = SetArgs.Builder.px(Math.max(1, ttl.toMillis()));
    }

    @Override
    public void record(Platform platform, OpenId openId, String mobile) {
        String key = key(platform, openId, mobile);
        redis.call("record a verified mobile", r -> r.set(key, RECORDED, expiry));
    }

    @Override
    public boolean consume(Platform platform, OpenId openId, String mobile) {
        String key = key(platform, openId, mobile);
        Long removed = redis.call("use a verified mobile", r -> r.del(key));
        return removed != null && removed == 1;
    }

    /** An openid holds no whitespace, so the mobile after it is unambiguous. */
    private String key(Platform platform, OpenId openId, String mobile) {
        byte[] digest = hmac(digestKey, (openId.value() + "\n" + mobile).getBytes(StandardCharsets.UTF_8));
        return prefix + platform.clientType() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
