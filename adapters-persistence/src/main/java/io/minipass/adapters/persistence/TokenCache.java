package io.minipass.adapters.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.minipass.application.port.out.BindMobilePort;
import io.minipass.application.port.out.BindOpenIdPort;
import io.minipass.application.port.out.IssueTokenPort;
import io.minipass.application.port.out.LoadUserByTokenPort;
import io.minipass.application.port.out.TokenHolder;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The token cache, with its two jobs: it serves token look-ups from memory in front of the database,
 * and every write through it that replaces a user's token drops the old one at once, here and, through
 * {@link ReplacedTokens}, on every other node. A change made by another program (a shop admin bans or
 * deletes the user, ShopXO issues a token) shows after at most {@code ttl}. Only tokens that belong to
 * someone are cached, so random guesses cannot fill the cache.
 *
 * <p>A look-up that read the database just before another node replaced the token must not put the
 * old token back after its announcement was handled: announced tokens are remembered for a while, and
 * a look-up checks them after it caches (and drops what it cached when it finds its token there).
 */
final class TokenCache implements LoadUserByTokenPort, IssueTokenPort, BindOpenIdPort, BindMobilePort {
    /** Longer than any database read can take (pool wait plus query timeout are seconds). */
    private static final Duration REMEMBER_REPLACED = Duration.ofMinutes(1);

    private final MyBatisUserStore store;
    private final ReplacedTokens replacedTokens;
    private final Cache<String, TokenHolder> byToken;
    private final Cache<Long, String> tokenOfUser;
    private final Cache<String, Boolean> recentlyReplaced;
    /** Counts the times the whole cache was dropped, so a look-up racing that drop does not cache. */
    private final AtomicLong generation = new AtomicLong();
    private final TokenCacheCounts counts;

    TokenCache(MyBatisUserStore store, Duration ttl, long maximumSize) {
        this(store, ttl, maximumSize, ReplacedTokens.none());
    }

    TokenCache(MyBatisUserStore store, Duration ttl, long maximumSize, ReplacedTokens replacedTokens) {
        this(store, ttl, maximumSize, replacedTokens, new TokenCacheCounts());
    }

    TokenCache(MyBatisUserStore store, Duration ttl, long maximumSize, ReplacedTokens replacedTokens,
               TokenCacheCounts counts) {
        this.store = store;
        this.replacedTokens = replacedTokens;
        this.counts = counts;
        this.byToken = cache(ttl, maximumSize);
        this.tokenOfUser = cache(ttl, maximumSize);
        this.recentlyReplaced = cache(REMEMBER_REPLACED, maximumSize);
        replacedTokens.listen(this::drop, this::dropAll);
    }

    /**
     * Maintenance runs on the writing thread: handing it to the common pool woke a thread on every login
     * (docs/design.md, ADR-17).
     */
    private static <K, V> Cache<K, V> cache(Duration expiry, long maximumSize) {
        return Caffeine.newBuilder().expireAfterWrite(expiry).maximumSize(maximumSize).executor(Runnable::run).build();
    }

    @Override
    public Optional<TokenHolder> findLiveByToken(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        TokenHolder cached = byToken.getIfPresent(token);
        if (cached != null) {
            counts.hit();
            return Optional.of(cached);
        }
        counts.miss();
        long generationBefore = generation.get();
        Optional<TokenHolder> found = store.findLiveByToken(token);
        found.ifPresent(holder -> {
            long userId = holder.user().id().value();
            String previous = tokenOfUser.asMap().put(userId, token);
            if (previous != null && !previous.equals(token)) {
                byToken.invalidate(previous);
            }
            byToken.put(token, holder);
            // After the put: an announcement handled before this check is seen here, one handled after drops the entry.
            if (recentlyReplaced.getIfPresent(token) != null || generation.get() != generationBefore) {
                byToken.invalidate(token);
            }
        });
        return found;
    }

    @Override
    public void issueToken(User user, String token, long now) {
        replacingToken(user.id(), () -> store.issueTokenReplacing(user, token, now), token);
    }

    @Override
    public void bindOpenId(UserId userId, Platform platform, OpenId openId, String token, long now) {
        replacingToken(userId, () -> store.bindOpenIdReplacing(userId, platform, openId, token, now), token);
    }

    @Override
    public void bindMobile(UserId userId, String mobile, String token, long now) {
        replacingToken(userId, () -> store.bindMobileReplacing(userId, mobile, token, now), token);
    }

    /**
     * Forgets the user's cached token before and after the write, so a look-up racing the write cannot keep
     * it, and announces the token the write replaced to every node once it is committed.
     */
    private void replacingToken(UserId userId, Supplier<String> write, String newToken) {
        forget(userId);
        String replaced = write.get();
        forget(userId);
        if (replaced != null && !replaced.isEmpty() && !replaced.equals(newToken)) {
            drop(replaced);
            replacedTokens.announce(replaced);
        }
    }

    private void forget(UserId userId) {
        String previous = tokenOfUser.asMap().remove(userId.value());
        if (previous != null) {
            byToken.invalidate(previous);
        }
    }

    /** Another node (or this one) replaced this token. */
    private void drop(String replacedToken) {
        recentlyReplaced.put(replacedToken, Boolean.TRUE);
        TokenHolder dropped = byToken.asMap().remove(replacedToken);
        if (dropped != null) {
            tokenOfUser.asMap().remove(dropped.user().id().value(), replacedToken);
        }
    }

    /** Announcements may have been missed: nothing cached can be trusted any more. */
    private void dropAll() {
        generation.incrementAndGet();
        byToken.invalidateAll();
        tokenOfUser.invalidateAll();
    }
}
