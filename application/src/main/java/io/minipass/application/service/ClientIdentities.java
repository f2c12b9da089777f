package io.minipass.application.service;

import io.minipass.application.LoginSettings;
import io.minipass.application.port.in.PlatformNotServedException;
import io.minipass.application.port.in.UnprovenIdentityException;
import io.minipass.application.port.out.LoginCodeProofPort;
import io.minipass.application.port.out.LoginProof;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.UnionId;

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
     * @param clientUnionId what the client says; believed only when the shop does not require proof
     * @throws InvalidInputException when the platform is not served or the openid is not proven
     */
    ClaimedIdentity claim(Platform platform, OpenId openId, Optional<UnionId> clientUnionId) {
        return claim(platform, openId, clientUnionId, () -> false);
    }

    /**
     * The identity a call may act for, when a client signed in as the openid's user may stand in for its proof.
     *
     * @param signedIn asked only when the proof is required and the openid has none: whether the client is signed
     *                 in as the user who holds the openid; then there is no proof to spend and no unionid to bind by
     * @throws InvalidInputException when the platform is not served, or the openid is neither proven nor signed in
     */
    ClaimedIdentity claim(Platform platform, OpenId openId, Optional<UnionId> clientUnionId, BooleanSupplier signedIn) {
        requireServed(platform);
        if (!settings.requireLoginProof()) {
            return new ClaimedIdentity(platform, openId, clientUnionId, null);
        }
        Optional<LoginProof> proof = proofs.find(platform, openId);
        if (proof.isPresent()) {
            return new ClaimedIdentity(platform, openId, proof.get().unionId(), proofs);
        }
        if (signedIn.getAsBoolean()) {
            return new ClaimedIdentity(platform, openId, Optional.empty(), null);
        }
        throw new UnprovenIdentityException();
    }

    /** An identity a call acts for, and the proof it spends when it logs someone in. */
    static final class ClaimedIdentity {
        private final Platform platform;
        private final OpenId openId;
        private final Optional<UnionId> unionId;
        private final LoginCodeProofPort proofs;
        private boolean spent;

        private ClaimedIdentity(Platform platform, OpenId openId, Optional<UnionId> unionId, LoginCodeProofPort proofs) {
            this.platform = platform;
            this.openId = openId;
            this.unionId = unionId;
            this.proofs = proofs;
        }

        Platform platform() {
            return platform;
        }

        OpenId openId() {
            return openId;
        }

        Optional<UnionId> unionId() {
            return unionId;
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
            if (!proofs.consume(platform, openId)) {
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
                proofs.consume(platform, openId);
            }
        }
    }
}
