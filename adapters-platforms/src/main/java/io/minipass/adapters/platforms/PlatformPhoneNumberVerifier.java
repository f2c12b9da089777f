package io.minipass.adapters.platforms;

import io.minipass.domain.user.PhoneProof;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Sends each phone proof to its platform's verifier (docs/platforms.md#phone-numbers). */
final class PlatformPhoneNumberVerifier implements VerifyPhoneNumberPort {
    private final Map<Platform, VerifyPhoneNumberPort> verifiers;

    /** @param verifiers one for every platform */
    PlatformPhoneNumberVerifier(Map<Platform, VerifyPhoneNumberPort> verifiers) {
        this.verifiers = new EnumMap<>(verifiers);
    }

    @Override
    public String verifiedMobile(Platform platform, OpenId openId, PhoneProof proof) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(proof, "proof");
        return verifiers.get(platform).verifiedMobile(platform, openId, proof);
    }
}
