package io.minipass.adapters.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps session keys in this process's memory, bounded in size, each for a fixed time after it was
 * written. Platforms do not disclose how long a session key lives; a key kept too long only makes a
 * decryption fail, which tells the client to log in again.
 */
public final class CaffeineSessionKeyStore implements SessionKeyStore {
    private static final long DEFAULT_MAXIMUM_SIZE = 100_000;
    private static final Duration DEFAULT_TTL = Duration.ofDays(2);

    private final Cache<Key, Entry> keys;

    public CaffeineSessionKeyStore() {
        this(DEFAULT_MAXIMUM_SIZE, DEFAULT_TTL, Ticker.systemTicker());
    }

    CaffeineSessionKeyStore(long maximumSize, Duration ttl, Ticker ticker) {
        if (maximumSize <= 0) {
            throw new IllegalArgumentException("maximumSize must be positive");
        }
        if (ttl == null || ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        this.keys = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(ttl)
                .ticker(ticker)
                // on the writing thread: handing maintenance to the common pool woke a thread per login (docs/design.md, ADR-17)
                .executor(Runnable::run)
                .build();
    }

    /** A new login without a session key makes the previous key stale: it is forgotten. */
    @Override
    public void remember(Platform platform, OpenId openId, String sessionKey) {
        Key key = new Key(platform, openId.value());
        if (sessionKey == null || sessionKey.isEmpty()) {
            keys.invalidate(key);
        } else {
            keys.put(key, new Entry(sessionKey, 0));
        }
    }

    @Override
    public Optional<String> find(Platform platform, OpenId openId) {
        return Optional.ofNullable(keys.getIfPresent(new Key(platform, openId.value()))).map(Entry::sessionKey);
    }

    /** A count is a write, so a key lives at most its time after its last failure (and a few failures at most). */
    @Override
    public int recordFailedDecryption(Platform platform, OpenId openId) {
        Entry counted = keys.asMap().computeIfPresent(new Key(platform, openId.value()),
                (key, entry) -> entry.withOneMoreFailure());
        return counted == null ? 0 : counted.failures();
    }

    @Override
    public void forget(Platform platform, OpenId openId) {
        keys.invalidate(new Key(platform, openId.value()));
    }

    /** Runs pending evictions now; for tests that check the size bound. */
    void cleanUp() {
        keys.cleanUp();
    }

    private record Key(Platform platform, String openId) {
        private Key {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(openId, "openId");
        }
    }

    private record Entry(String sessionKey, int failures) {
        Entry withOneMoreFailure() {
            return new Entry(sessionKey, failures + 1);
        }

        @Override
        public String toString() {
            return "Entry[failures=" + failures + "]";
        }
    }
}
