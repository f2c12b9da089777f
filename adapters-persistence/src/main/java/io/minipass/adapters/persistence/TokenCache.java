package io.minipass.adapters.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.minipass.application.port.out.LoadUserByTokenPort;
import io.minipass.application.port.out.NewUser;
import io.minipass.application.port.out.TokenHolder;
import io.minipass.application.port.out.UserAccounts;
import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.Token;
import io.minipass.domain.user.User;

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
 *
 * <p>A user holds one token per channel (ShopXO v3 and later keep one per system type and platform; v2 one in
 * all, its channel {@code NONE}): the cache remembers each user's cached token per channel.
 */
final class TokenCache implements LoadUserByTokenPort, UserAccounts {
    /** Longer than any database read can take (pool wait plus query timeout are seconds). */
    private static final Duration REMEMBER_REPLACED = Duration.ofMinutes(1);

    private final ShopUserStore store;
    private final ReplacedTokens replacedTokens;
    private final Cache<String, TokenHolder> byToken;
    /** By {@link #account}: the token cached for a user's channel. */
    private final Cache<String, String> tokenOfAccount;
    private final Cache<String, Boolean> recentlyReplaced;
    /** Counts the times the whole cache was dropped, so a look-up racing that drop does not cache. */
    private final AtomicLong generation = new AtomicLong();
    private final TokenCacheCounts counts;

    TokenCache(ShopUserStore store, Duration ttl, long maximumSize, ReplacedTokens replacedTokens,
               TokenCacheCounts counts) {
        this.store = store;
        this.replacedTokens = replacedTokens;
        this.counts = counts;
        this.byToken = cache(ttl, maximumSize);
        this.tokenOfAccount = cache(ttl, maximumSize);
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
    public Optional<TokenHolder> findLiveByToken(Token issued) {
        String token = issued.value();
        TokenHolder cached = byToken.getIfPresent(token);
        if (cached != null) {
            counts.hit();
            return Optional.of(cached);
        }
        counts.miss();
        long generationBefore = generation.get();
        Optional<TokenHolder> found = store.findLiveByToken(issued);
        found.ifPresent(holder -> {
            String previous = tokenOfAccount.asMap().put(account(holder.user()), token);
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

    /** A newcomer replaces no token: nothing cached can be stale. */
    @Override
    public User register(NewUser user) {
        return store.register(user);
    }

    @Override
    public User issueToken(User user, LoginIdentity identity, Token token, long now) {
        return replacingToken(user, () -> store.issueTokenReplacing(user, identity, token.value(), now), token.value());
    }

    @Override
    public User bindOpenId(User user, LoginIdentity identity, Token token, long now) {
        return replacingToken(user, () -> store.bindOpenIdReplacing(user, identity, token.value(), now), token.value());
    }

    @Override
    public User bindMobile(User user, LoginIdentity identity, String mobile, Token token, long now) {
        return replacingToken(user, () -> store.bindMobileReplacing(user, identity, mobile, token.value(), now),
                token.value());
    }

    /**
     * Forgets the user's cached token of the channel before and after the write, so a look-up racing the write
     * cannot keep it, and announces the tokens the write replaced to every node once it is committed.
     */
    private User replacingToken(User user, Supplier<ShopUserStore.TokenWrite> write, String newToken) {
        forget(account(user));
        ShopUserStore.TokenWrite written = write.get();
        forget(account(user));
        forget(account(written.user()));
        for (String replaced : written.replaced()) {
            if (!replaced.equals(newToken)) {
                drop(replaced);
                replacedTokens.announce(replaced);
            }
        }
        return written.user();
    }

    private void forget(String account) {
        String previous = tokenOfAccount.asMap().remove(account);
        if (previous != null) {
            byToken.invalidate(previous);
        }
    }

    /** A user's channel, which holds one token at a time. */
    private static String account(User user) {
        return user.id().value() + "\n" + user.channel().systemType() + "\n" + user.channel().platform();
    }

    /** Another node (or this one) replaced this token. */
    private void drop(String replacedToken) {
        recentlyReplaced.put(replacedToken, Boolean.TRUE);
        TokenHolder dropped = byToken.asMap().remove(replacedToken);
        if (dropped != null) {
            tokenOfAccount.asMap().remove(account(dropped.user()), replacedToken);
        }
    }

    /** Announcements may have been missed: nothing cached can be trusted any more. */
    private void dropAll() {
        generation.incrementAndGet();
        byToken.invalidateAll();
        tokenOfAccount.invalidateAll();
    }
}
