package io.minipass.application.testing;

import io.minipass.application.port.out.AttemptCounterPort;
import io.minipass.application.port.out.LoginCodeProofPort;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.application.port.out.VerifiedMobilePort;
import org.junit.jupiter.api.Nested;

import java.time.Duration;
import java.time.Instant;

/** The in-memory session ports keep the real adapters' promises, so use-case tests can trust them. */
class InMemoryPortsTest {

    @Nested
    class SessionKeys extends SessionKeyStoreContractTest {
        @Override
        protected SessionKeyStore freshStore() {
            return new InMemorySessionKeys();
        }
    }

    @Nested
    class Proofs extends LoginCodeProofContractTest {
        @Override
        protected LoginCodeProofPort freshProofs() {
            return new InMemoryLoginCodeProofs();
        }
    }

    @Nested
    class VerifiedMobiles extends VerifiedMobileContractTest {
        @Override
        protected VerifiedMobilePort freshVerifiedMobiles() {
            return new InMemoryVerifiedMobiles();
        }
    }

    @Nested
    class Attempts extends AttemptCounterContractTest {
        private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));

        @Override
        protected AttemptCounterPort freshCounter() {
            return new InMemoryAttemptCounter(clock);
        }

        @Override
        protected void advance(Duration by) {
            clock.advance(by);
        }
    }
}
