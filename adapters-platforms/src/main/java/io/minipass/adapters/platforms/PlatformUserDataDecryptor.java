package io.minipass.adapters.platforms;

import io.minipass.application.port.out.DecryptUserDataPort;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Sends each piece of sealed user data to its platform's decryptor (docs/platforms.md#decryption). */
final class PlatformUserDataDecryptor implements DecryptUserDataPort {
    private final Map<Platform, DecryptUserDataPort> decryptors;

    /** @param decryptors one for every platform */
    PlatformUserDataDecryptor(Map<Platform, DecryptUserDataPort> decryptors) {
        this.decryptors = new EnumMap<>(decryptors);
    }

    @Override
    public Profile decryptProfile(Platform platform, OpenId openId, String encryptedData, String iv) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(openId, "openId");
        return decryptors.get(platform).decryptProfile(platform, openId, encryptedData, iv);
    }
}
