package io.minipass.bootstrap.wiring;

import io.minipass.bootstrap.config.ConfigException;
import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.config.RedisConfig;
import io.minipass.adapters.state.CaffeineAttemptCounter;
import io.minipass.adapters.state.CaffeineLoginCodeProofs;
import io.minipass.adapters.state.CaffeineSessionKeyStore;
import io.minipass.adapters.state.CaffeineVerifiedMobiles;
import io.minipass.adapters.state.FallbackAttemptCounter;
import io.minipass.adapters.state.LocalTokenEvictions;
import io.minipass.adapters.state.SharedStateHealth;
import io.minipass.adapters.state.TokenEvictions;
import io.minipass.adapters.state.redis.RedisState;
import io.minipass.application.port.out.AttemptCounterPort;
import io.minipass.application.port.out.EvictTokensPort;
import io.minipass.application.port.out.LoginCodeProofPort;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.application.port.out.VerifiedMobilePort;

import java.util.Optional;

/**
 * What a node remembers between requests, chosen by configuration: in its own memory (Caffeine, one
 * node) or, with {@code MINIPASS_REDIS_URL}, in the Redis every node shares (docs/design.md#adr-14-shared-state-in-redis-chosen-by-configuration).
 * Attempt counts fall back to this node's memory while Redis does not answer; session keys, login
 * proofs and verified mobiles have no fallback (another node could not find them), so what needs them fails
 * with a clear answer.
 */
public final class StateWiring implements AutoCloseable {
    final SessionKeyStore sessionKeys;
    final LoginCodeProofPort loginProofs;
    final AttemptCounterPort attempts;
    final VerifiedMobilePort verifiedMobiles;
    /** The token cache's channel to the other nodes' caches. */
    final TokenEvictions evictions;
    /** The same channel, for an operator's revocation: it says how far the word went. */
    public final EvictTokensPort evictTokens;
    final String description;
    /** For the metrics: {@code memory} or {@code redis}. */
    final String store;
    final SharedStateHealth health;
    private final RedisState redis;

    private StateWiring(SessionKeyStore sessionKeys, LoginCodeProofPort loginProofs, AttemptCounterPort attempts,
                        VerifiedMobilePort verifiedMobiles, TokenEvictions evictions, EvictTokensPort evictTokens,
                        String description, RedisState redis) {
        this.sessionKeys = sessionKeys;
        this.loginProofs = loginProofs;
        this.attempts = attempts;
        this.verifiedMobiles = verifiedMobiles;
        this.evictions = evictions;
        this.evictTokens = evictTokens;
        this.description = description;
        this.redis = redis;
        this.store = redis == null ? "memory" : "redis";
        this.health = redis == null ? SharedStateHealth.IN_PROCESS : redis.health();
    }

    public static StateWiring create(MinipassConfig config) {
        Optional<RedisConfig> redisConfig = config.redis();
        if (redisConfig.isEmpty()) {
            LocalTokenEvictions evictions = new LocalTokenEvictions();
            return new StateWiring(new CaffeineSessionKeyStore(),
                    new CaffeineLoginCodeProofs(config.security().loginProofTtl()), new CaffeineAttemptCounter(),
                    new CaffeineVerifiedMobiles(config.security().loginProofTtl()), evictions, evictions,
                    "state in this process", null);
        }
        RedisConfig shared = redisConfig.get();
        RedisState redis;
        try {
            redis = RedisState.connect(shared.settings(config.security().loginProofTtl()));
        } catch (IllegalArgumentException unreadable) {
            throw new ConfigException(ConfigSource.envName("redis.url") + ": " + unreadable.getMessage());
        }
        return new StateWiring(redis.sessionKeys(), redis.loginProofs(),
                new FallbackAttemptCounter(redis.attempts(), new CaffeineAttemptCounter()), redis.verifiedMobiles(),
                redis.tokenEvictions(), redis.evictTokens(), "shared state in Redis at " + shared.maskedUrl(), redis);
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }
}
