package io.minipass.adapters.platforms;

import io.minipass.adapters.platforms.crypto.UserDataDecryptor;
import io.minipass.adapters.platforms.crypto.WatermarkCheck;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import java.util.Map;

/**
 * The user-data port of some platforms, for tests that look inside what it opened: the port runs
 * first (so every refusal is the port's), then the same data is opened again for its payload.
 */
@FunctionalInterface
interface PayloadOpener {
    Map<String, Object> decrypt(Platform platform, OpenId openId, String encryptedData, String iv);

    static PayloadOpener of(Platforms platforms) {
        return (platform, openId, encryptedData, iv) -> {
            platforms.userData().decryptProfile(platform, openId, encryptedData, iv);
            return ((UserDataDecryptor) TestPlatforms.parts(platforms, platform).userData())
                    .decrypt(openId, encryptedData, iv, WatermarkCheck.WHEN_PRESENT);
        };
    }
}
