package io.minipass.adapters.persistence;

import java.time.Duration;
import java.util.Optional;

/** The settings and token-cache channels tests build, with the defaults the service's configuration has. */
final class TestSettings {
    static final DatabaseTimeouts TIMEOUTS =
            new DatabaseTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2));

    private TestSettings() {
    }

    /** The database with the default timeouts, its layout detected. */
    static DatabaseSettings settings(String url, String username, String password, String tablePrefix, int poolSize) {
        return new DatabaseSettings(url, username, password, tablePrefix, poolSize, TIMEOUTS.connect(), TIMEOUTS.query(),
                TIMEOUTS.poolWait(), Optional.empty());
    }

    /** The same database, said to have (or to get, when new) this layout. */
    static DatabaseSettings inLayout(DatabaseSettings settings, ShopLayout wanted) {
        return new DatabaseSettings(settings.jdbcUrl(), settings.username(), settings.password(), settings.tablePrefix(),
                settings.maximumPoolSize(), settings.connectTimeout(), settings.queryTimeout(), settings.poolWait(),
                Optional.of(wanted.setting()));
    }

    /** No channel: each cache only drops the tokens its own writes replaced. */
    static ReplacedTokens noChannel() {
        return ReplacedTokens.over(token -> { }, (onReplaced, onPossiblyMissed) -> { });
    }

    /** A token cache of one node, counting into nothing the tests read. */
    static TokenCache tokenCache(ShopUserStore store, Duration ttl, long maximumSize, ReplacedTokens channel) {
        return new TokenCache(store, ttl, maximumSize, channel, new TokenCacheCounts());
    }

    static TokenCache tokenCache(ShopUserStore store, Duration ttl, long maximumSize) {
        return tokenCache(store, ttl, maximumSize, noChannel());
    }
}
