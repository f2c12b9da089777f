package io.minipass.adapters.state.redis;

import io.minipass.application.port.out.AttemptCounterPort;
import io.minipass.application.port.out.LoginCodeProofPort;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.application.port.out.VerifiedMobilePort;
import io.minipass.application.testing.AttemptCounterContractTest;
import io.minipass.application.testing.LoginCodeProofContractTest;
import io.minipass.application.testing.SessionKeyStoreContractTest;
import io.minipass.application.testing.VerifiedMobileContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

import java.time.Duration;

/**
 * The Redis state ports keep the same contracts as the Caffeine ones, on the local Redis, each test
 * under its own key prefix, removed afterwards.
 */
class RedisStatePortsAdapterTest {
    private final TestRedis redis = new TestRedis();
    private final RedisState state = RedisState.connect(redis.settings());

    @AfterEach
    void removeKeys() {
        state.close();
        redis.close();
    }

    @Nested
    class SessionKeys extends SessionKeyStoreContractTest {
        @Override
        protected SessionKeyStore freshStore() {
            return state.sessionKeys();
        }
    }

    @Nested
    class Proofs extends LoginCodeProofContractTest {
        @Override
        protected LoginCodeProofPort freshProofs() {
            return state.loginProofs();
        }
    }

    @Nested
    class VerifiedMobiles extends VerifiedMobileContractTest {
        @Override
        protected VerifiedMobilePort freshVerifiedMobiles() {
            return state.verifiedMobiles();
        }
    }

    /** Redis keeps its own clock: short windows and real waits. */
    @Nested
    class Attempts extends AttemptCounterContractTest {
        @Override
        protected AttemptCounterPort freshCounter() {
            return state.attempts();
        }

        @Override
        protected Duration window() {
            return Duration.ofMillis(1500);
        }

        @Override
        protected void advance(Duration by) {
            try {
                Thread.sleep(by.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
