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
import io.minipass.domain.user.UserId;

import java.time.Duration;
import java.util.Optional;

/**
 * The token cache, with its two jobs: it serves token look-ups from memory in front of the database,
 * and every write through it that replaces a user's token drops the old one from the cache at once; a change made by another program (a shop
 * admin bans or deletes the user, or another node issues a new token) shows after at most {@code ttl}.
 * Only tokens that belong to someone are cached, so random guesses cannot fill the cache.
 */
final class TokenCache implements LoadUserByTokenPort, IssueTokenPort, BindOpenIdPort, BindMobilePort {
    private final MyBatisUserStore store;
    private final Cache<String, TokenHolder> byToken;
    private final Cache<Long, String> tokenOfUser;
    private final TokenCacheCounts counts;

    TokenCache(MyBatisUserStore store, Duration ttl, long maximumSize) {
        this(store, ttl, maximumSize, new TokenCacheCounts());
    }

    TokenCache(MyBatisUserStore store, Duration ttl, long maximumSize, TokenCacheCounts counts) {
        this.store = store;
        this.counts = counts;
        this.byToken = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
        this.tokenOfUser = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
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
        Optional<TokenHolder> found = store.findLiveByToken(token);
        found.ifPresent(holder -> {
            long userId = holder.user().id().value();
            String previous = tokenOfUser.asMap().put(userId, token);
            if (previous != null && !previous.equals(token)) {
                byToken.invalidate(previous);
            }
            byToken.put(token, holder);
        });
        return found;
    }

    @Override
    public void issueToken(UserId userId, String token, long now) {
        replacingToken(userId, () -> store.issueToken(userId, token, now));
    }

    @Override
    public void bindOpenId(UserId userId, Platform platform, OpenId openId, String token, long now) {
        replacingToken(userId, () -> store.bindOpenId(userId, platform, openId, token, now));
    }

    @Override
    public void bindMobile(UserId userId, String mobile, String token, long now) {
        replacingToken(userId, () -> store.bindMobile(userId, mobile, token, now));
    }

    /** Forgets the user's cached token before and after the write, so a look-up racing the write cannot keep it. */
    private void replacingToken(UserId userId, Runnable write) {
        forget(userId);
        write.run();
        forget(userId);
    }

    private void forget(UserId userId) {
        String previous = tokenOfUser.asMap().remove(userId.value());
        if (previous != null) {
            byToken.invalidate(previous);
        }
    }
}
