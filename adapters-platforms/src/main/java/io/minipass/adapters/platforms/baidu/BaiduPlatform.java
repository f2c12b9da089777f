package io.minipass.adapters.platforms.baidu;

import io.minipass.adapters.platforms.common.CodeExchange;
import io.minipass.adapters.platforms.common.PlatformContext;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformModule;
import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.adapters.platforms.crypto.DecryptedPhoneNumbers;
import io.minipass.adapters.platforms.crypto.UserDataDecryptor;
import io.minipass.adapters.platforms.crypto.WatermarkCheck;
import io.minipass.domain.user.Platform;

import java.net.URI;

/**
 * Baidu (docs/platforms.md#baidu): the code exchange signs in with the App Key (not the App ID) and the secret;
 * profile and phone data are sealed with Baidu's AES-192 scheme and closed with the App Key.
 */
public final class BaiduPlatform {
    public static final PlatformModule MODULE = new PlatformModule(URI.create("https://spapi.baidu.com"),
            keys -> PlatformCredentials.missing(keys.appKey(), "appkey", keys.appSecret(), "secret"), BaiduPlatform::parts);

    private BaiduPlatform() {
    }

    private static PlatformParts parts(PlatformContext context) {
        UserDataDecryptor userData = new UserDataDecryptor(Platform.BAIDU, context.sessionKeys(),
                context.credentials().appKey(), new BaiduScheme(), WatermarkCheck.REQUIRED);
        return new PlatformParts(new CodeExchange(context, new BaiduLoginAdapter()),
                userData, new DecryptedPhoneNumbers(userData, "mobile"), BaiduCipher.KEY_LENGTH);
    }
}
