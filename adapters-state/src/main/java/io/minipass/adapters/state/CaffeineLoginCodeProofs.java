package io.minipass.adapters.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.minipass.application.port.out.LoginCodeProofPort;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;

import java.time.Duration;
import java.util.Optional;

/**
 * Remembers in this process which openids a platform vouched for lately, bounded in size, each for
 * a fixed time. Several nodes behind a balancer need sticky sessions for the proof to be found.
 */
public final class CaffeineLoginCodeProofs implements LoginCodeProofPort {
    static final long DEFAULT_MAXIMUM_SIZE = 100_000;

    private final Cache<String, PlatformIdentity> proofs;

    public CaffeineLoginCodeProofs(Duration ttl) {
        this(DEFAULT_MAXIMUM_SIZE, ttl, Ticker.systemTicker());
    }

    CaffeineLoginCodeProofs(long maximumSize, Duration ttl, Ticker ticker) {
        if (ttl == null || ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        // Maintenance on the writing thread: handing it to the common pool woke a thread per login (docs/design.md, ADR-17).
        this.proofs = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(ttl).ticker(ticker)
                .executor(Runnable::run).build();
    }

    @Override
    public void record(PlatformIdentity proof) {
        proofs.put(key(proof.platform(), proof.openId()), proof);
    }

    @Override
    public Optional<PlatformIdentity> find(Platform platform, OpenId openId) {
        return Optional.ofNullable(proofs.getIfPresent(key(platform, openId)));
    }

    /** The map view's remove is atomic and skips expired entries. */
    @Override
    public boolean consume(Platform platform, OpenId openId) {
        return proofs.asMap().remove(key(platform, openId)) != null;
    }

    private static String key(Platform platform, OpenId openId) {
        return platform.clientType() + "\n" + openId.value();
    }
}
