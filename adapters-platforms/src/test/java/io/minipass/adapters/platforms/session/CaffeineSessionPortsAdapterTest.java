package io.minipass.adapters.platforms.session;

import io.minipass.application.port.out.LoginCodeProofPort;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.application.testing.LoginCodeProofContractTest;
import io.minipass.application.testing.SessionKeyStoreContractTest;
import org.junit.jupiter.api.Nested;

import java.time.Duration;

/** The Caffeine session ports keep the shared contracts the use-case tests rely on. */
class CaffeineSessionPortsAdapterTest {

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
}
