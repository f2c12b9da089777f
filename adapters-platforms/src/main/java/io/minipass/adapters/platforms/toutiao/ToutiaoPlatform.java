package io.minipass.adapters.platforms.toutiao;

import io.minipass.adapters.platforms.common.PlatformContext;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformModule;
import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.adapters.platforms.crypto.DecryptedPhoneNumbers;
import io.minipass.adapters.platforms.crypto.UserDataDecryptor;
import io.minipass.adapters.platforms.crypto.WatermarkCheck;
import io.minipass.adapters.platforms.crypto.WatermarkedAes;
import io.minipass.domain.user.Platform;

import java.net.URI;
import java.util.List;

/**
 * Toutiao/Douyin (docs/platforms.md#toutiao): its own code exchange; WeChat's sealing scheme, where a profile
 * may lack the watermark (documented for phone data only) and phone data must carry it.
 */
public final class ToutiaoPlatform implements PlatformModule {

    @Override
    public URI officialBaseUrl() {
        return ToutiaoLoginAdapter.OFFICIAL_BASE_URL;
    }

    @Override
    public List<String> missingCredentials(PlatformCredentials credentials) {
        return credentials.missing("appid", "secret");
    }

    @Override
    public PlatformParts parts(PlatformContext context) {
        UserDataDecryptor userData = new UserDataDecryptor(Platform.TOUTIAO, context.sessionKeys(),
                context.credentials().appId(), new WatermarkedAes(Platform.TOUTIAO), WatermarkCheck.WHEN_PRESENT);
        return new PlatformParts(
                new ToutiaoLoginAdapter(context.credentials(), context.baseUrlOr(officialBaseUrl()), context.http()),
                userData, new DecryptedPhoneNumbers(userData, "purePhoneNumber", "phoneNumber"), WatermarkedAes.KEY_BYTES);
    }
}
