package io.minipass.adapters.platforms;

import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.domain.user.PhoneProof;
import io.minipass.application.port.out.DecryptUserDataPort;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.LoginSession;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one place a call meets its platform: every outgoing port of this module looks the platform's parts up
 * here and hands them the call without the platform, which they know (docs/design.md#modules).
 */
final class PlatformRouter implements ExchangeLoginCodePort, DecryptUserDataPort, VerifyPhoneNumberPort {
    private final Map<Platform, PlatformParts> parts;

    /** @param parts one for every platform */
    PlatformRouter(Map<Platform, PlatformParts> parts) {
        this.parts = new EnumMap<>(parts);
        if (this.parts.size() != Platform.values().length) {
            throw new IllegalArgumentException("every platform needs its parts: " + this.parts.keySet());
        }
    }

    PlatformParts parts(Platform platform) {
        return parts.get(Objects.requireNonNull(platform, "platform"));
    }

    @Override
    public LoginSession exchange(Platform platform, String code) {
        return parts(platform).login().exchange(code);
    }

    /** Sealed user data, opened by its platform's decryptor (docs/platforms.md#decryption). */
    @Override
    public Profile decryptProfile(Platform platform, OpenId openId, String encryptedData, String iv) {
        PlatformParts own = parts(platform);
        return own.userData().decryptProfile(Objects.requireNonNull(openId, "openId"), encryptedData, iv);
    }

    /** A phone proof, checked by its platform's verifier (docs/platforms.md#phone-numbers). */
    @Override
    public String verifiedMobile(Platform platform, OpenId openId, PhoneProof proof) {
        PlatformParts own = parts(platform);
        Objects.requireNonNull(openId, "openId");
        return own.phoneNumbers().verifiedMobile(openId, Objects.requireNonNull(proof, "proof"));
    }
}
