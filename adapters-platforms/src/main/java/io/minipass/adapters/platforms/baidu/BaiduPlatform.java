package io.minipass.adapters.platforms.baidu;

import io.minipass.adapters.platforms.common.PlatformContext;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformModule;
import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.adapters.platforms.crypto.DecryptedPhoneNumbers;
import io.minipass.adapters.platforms.crypto.UserDataDecryptor;
import io.minipass.adapters.platforms.crypto.WatermarkCheck;
import io.minipass.domain.user.Platform;

import java.net.URI;
import java.util.List;

/**
 * Baidu (docs/platforms.md#baidu): the code exchange signs in with the App Key and secret; profile and phone
 * data are sealed with Baidu's AES-192 scheme and closed with the App Key.
 */
public final class BaiduPlatform implements PlatformModule {

    @Override
    public URI officialBaseUrl() {
        return BaiduLoginAdapter.OFFICIAL_BASE_URL;
    }

    @Override
    public List<String> missingCredentials(PlatformCredentials credentials) {
        return BaiduLoginAdapter.missing(credentials);
    }

    @Override
    public PlatformParts parts(PlatformContext context) {
        UserDataDecryptor userData = new UserDataDecryptor(Platform.BAIDU, context.sessionKeys(),
                context.credentials().appKey(), new BaiduScheme(), WatermarkCheck.REQUIRED);
        return new PlatformParts(
                new BaiduLoginAdapter(context.credentials(), context.baseUrlOr(officialBaseUrl()), context.http()),
                userData, new DecryptedPhoneNumbers(userData, "mobile"), BaiduCipher.KEY_LENGTH);
    }
}
