package io.minipass.application.testing;

import io.minipass.application.port.out.LoginCodeProofPort;
import io.minipass.application.port.out.SessionKeyStore;
import org.junit.jupiter.api.Nested;

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
}
