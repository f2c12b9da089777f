package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.port.in.PlatformNotServedException;
import io.minipass.application.port.in.UnprovenIdentityException;
import io.minipass.application.port.out.LoginCodeProofPort;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What the service believes of an identity a client names: on a platform the shop serves, and, when
 * the shop requires proof, only an openid the platform vouched for in a code exchange, with the
 * unionid the platform gave there (docs/security.md).
 */
public final class ClientIdentities {
    static final String UNPROVEN_OPENID = UnprovenIdentityException.MESSAGE;

    private final LoginCodeProofPort proofs;
    private final LoginSettings settings;

    public ClientIdentities(LoginCodeProofPort proofs, LoginSettings settings) {
        this.proofs = proofs;
        this.settings = settings;
    }

    /** @throws PlatformNotServedException when nobody may log in on this platform */
    void requireServed(Platform platform) {
        if (!settings.loginPlatforms().contains(platform)) {
            throw new PlatformNotServedException(platform);
        }
    }

    /**
     * The identity a call may act for.
     *
     * @param claimed what the client says; its unionid is believed only when the shop does not require proof
     * @throws InvalidInputException when the platform is not served or the openid is not proven
     */
    ClaimedIdentity claim(PlatformIdentity claimed) {
        return claim(claimed, () -> false);
    }

    /**
     * The identity a call may act for, when a client signed in as the openid's user may stand in for its proof.
     *
     * @param signedIn asked only when the proof is required and the openid has none: whether the client is signed
     *                 in as the user who holds the openid; then there is no proof to spend and no unionid to bind by
     * @throws InvalidInputException when the platform is not served, or the openid is neither proven nor signed in
     */
    ClaimedIdentity claim(PlatformIdentity claimed, BooleanSupplier signedIn) {
        requireServed(claimed.platform());
        if (!settings.requireLoginProof()) {
            return new ClaimedIdentity(claimed, null);
        }
        Optional<PlatformIdentity> proof = proofs.find(claimed.platform(), claimed.openId());
        if (proof.isPresent()) {
            return new ClaimedIdentity(proof.get(), proofs);
        }
        if (signedIn.getAsBoolean()) {
            return new ClaimedIdentity(new PlatformIdentity(claimed.platform(), claimed.openId(), Optional.empty()),
                    null);
        }
        throw new UnprovenIdentityException();
    }

    /** An identity a call acts for, and the proof it spends when it logs someone in. */
    static final class ClaimedIdentity {
        private final PlatformIdentity identity;
        private final LoginCodeProofPort proofs;
        private boolean spent;

        private ClaimedIdentity(PlatformIdentity identity, LoginCodeProofPort proofs) {
            this.identity = identity;
            this.proofs = proofs;
        }

        /** The identity with the unionid believed for it: the proof's, or the client's when no proof is required. */
        PlatformIdentity identity() {
            return identity;
        }

        /**
         * Spends the proof before the first write it allows; later calls (a retry after a lost race)
         * find it spent by this call already.
         *
         * @throws InvalidInputException when another call spent the proof first
         */
        void spendProof() {
            if (proofs == null || spent) {
                return;
            }
            if (!proofs.consume(identity.platform(), identity.openId())) {
                throw new UnprovenIdentityException();
            }
            spent = true;
        }

        /**
         * Takes the proof away unused (too many failures with it): the client must authorize again. A later
         * {@link #spendProof} finds it gone.
         */
        void forfeitProof() {
            if (proofs != null && !spent) {
                proofs.consume(identity.platform(), identity.openId());
            }
        }
    }
}
