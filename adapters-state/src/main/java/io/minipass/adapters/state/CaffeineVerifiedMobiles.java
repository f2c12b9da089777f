package io.minipass.adapters.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.minipass.application.port.out.VerifiedMobilePort;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import java.time.Duration;

/**
 * Remembers in this process which mobiles a platform vouched for an openid's user lately, bounded in
 * size, each for a fixed time. Several nodes behind a balancer need sticky sessions for a record to be found.
 */
public final class CaffeineVerifiedMobiles implements VerifiedMobilePort {
    private static final long DEFAULT_MAXIMUM_SIZE = CaffeineLoginCodeProofs.DEFAULT_MAXIMUM_SIZE;

    private final Cache<String, Boolean> records;

    public CaffeineVerifiedMobiles(Duration ttl) {
        this(DEFAULT_MAXIMUM_SIZE, ttl, Ticker.systemTicker());
    }

    CaffeineVerifiedMobiles(long maximumSize, Duration ttl, Ticker ticker) {
        if (ttl == null || ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        // Maintenance on the writing thread: handing it to the common pool woke a thread per login (docs/design.md, ADR-17).
        this.records = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(ttl).ticker(ticker)
                .executor(Runnable::run).build();
    }

    @Override
    public void record(Platform platform, OpenId openId, String mobile) {
        records.put(key(platform, openId, mobile), Boolean.TRUE);
    }

    /** The map view's remove is atomic and skips expired entries. */
    @Override
    public boolean consume(Platform platform, OpenId openId, String mobile) {
        return records.asMap().remove(key(platform, openId, mobile)) != null;
    }

    /** An openid holds no whitespace, so the mobile after it is unambiguous. */
    private static String key(Platform platform, OpenId openId, String mobile) {
        return platform.clientType() + "\n" + openId.value() + "\n" + mobile;
    }
}
