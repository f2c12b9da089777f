package io.minipass.adapters.state;

import io.minipass.application.port.out.AttemptCounterPort;
import io.minipass.application.port.out.LoginCodeProofPort;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.application.port.out.VerifiedMobilePort;
import io.minipass.application.testing.AttemptCounterContractTest;
import io.minipass.application.testing.LoginCodeProofContractTest;
import io.minipass.application.testing.SessionKeyStoreContractTest;
import io.minipass.application.testing.VerifiedMobileContractTest;
import org.junit.jupiter.api.Nested;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The Caffeine state ports keep the shared contracts the use-case tests rely on. */
class CaffeineStatePortsAdapterTest {

    @Nested
    class SessionKeys extends SessionKeyStoreContractTest {
        @Override
        protected SessionKeyStore freshStore() {
            return new CaffeineSessionKeyStore();
        }
    }

    @Nested
    class Proofs extends LoginCodeProofContractTest {
        @Override
        protected LoginCodeProofPort freshProofs() {
            return new CaffeineLoginCodeProofs(Duration.ofMinutes(30));
        }
    }

    @Nested
    class VerifiedMobiles extends VerifiedMobileContractTest {
        @Override
        protected VerifiedMobilePort freshVerifiedMobiles() {
            return new CaffeineVerifiedMobiles(Duration.ofMinutes(30));
        }
    }

    @Nested
    class Attempts extends AttemptCounterContractTest {
        private final AtomicLong nanos = new AtomicLong();

        @Override
        protected AttemptCounterPort freshCounter() {
            return new CaffeineAttemptCounter(1000, nanos::get);
        }

        @Override
        protected void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }
    }
}
