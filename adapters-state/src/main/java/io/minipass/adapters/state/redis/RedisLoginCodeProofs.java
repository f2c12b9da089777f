package io.minipass.adapters.state.redis;

import io.lettuce.core.SetArgs;
import io.minipass.application.port.out.LoginCodeProofPort;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.UnionId;

import java.time.Duration;
import java.util.Optional;

/**
 * Login proofs in Redis, one string per platform and openid ({@code <prefix>login-proof:<platform>:<openid>})
 * holding the unionid the platform gave (empty for none), expiring after the proof's lifetime.
 * Taking a proof is one {@code DEL}: Redis runs commands one at a time, so of any number of callers
 * on any number of nodes exactly one removes the key and is told {@code true}.
 */
final class RedisLoginCodeProofs implements LoginCodeProofPort {
    private final RedisConnection redis;
    private final String prefix;
    private final SetArgs expiry;

    RedisLoginCodeProofs(RedisConnection redis, String keyPrefix, Duration ttl) {
        this.redis = redis;
        this.prefix = keyPrefix + "login-proof:";
        this.expiry = SetArgs.Builder.px(Math.max(1, ttl.toMillis()));
    }

    @Override
    public void record(PlatformIdentity proof) {
        String unionId = proof.unionId().map(UnionId::value).orElse("");
        redis.call("record a login proof", r -> r.set(key(proof.platform(), proof.openId()), unionId, expiry));
    }

    @Override
    public Optional<PlatformIdentity> find(Platform platform, OpenId openId) {
        String unionId = redis.call("find a login proof", r -> r.get(key(platform, openId)));
        return unionId == null
                ? Optional.empty()
                : Optional.of(new PlatformIdentity(platform, openId, UnionId.optional(unionId)));
    }

    @Override
    public boolean consume(Platform platform, OpenId openId) {
        Long removed = redis.call("use a login proof", r -> r.del(key(platform, openId)));
        return removed != null && removed == 1;
    }

    private String key(Platform platform, OpenId openId) {
        return prefix + platform.clientType() + ":" + openId.value();
    }
}
