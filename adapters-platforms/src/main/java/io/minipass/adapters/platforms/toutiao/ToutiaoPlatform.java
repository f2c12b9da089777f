package io.minipass.adapters.platforms.toutiao;

import io.minipass.adapters.platforms.common.CodeExchange;
import io.minipass.adapters.platforms.common.PlatformContext;
import io.minipass.adapters.platforms.common.PlatformModule;
import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.adapters.platforms.crypto.DecryptedPhoneNumbers;
import io.minipass.adapters.platforms.crypto.UserDataDecryptor;
import io.minipass.adapters.platforms.crypto.WatermarkCheck;
import io.minipass.adapters.platforms.crypto.WatermarkedAes;
import io.minipass.domain.user.Platform;

import java.net.URI;

/**
 * Toutiao/Douyin (docs/platforms.md#toutiao): its own code exchange; WeChat's sealing scheme, where a profile
 * may lack the watermark (documented for phone data only) and phone data must carry it.
 */
public final class ToutiaoPlatform {
    public static final PlatformModule MODULE = new PlatformModule(URI.create("https://developer.toutiao.com"),
            PlatformModule.APP_ID_AND_SECRET, ToutiaoPlatform::parts);

    private ToutiaoPlatform() {
    }

    private static PlatformParts parts(PlatformContext context) {
        UserDataDecryptor userData = new UserDataDecryptor(Platform.TOUTIAO, context.sessionKeys(),
                context.credentials().appId(), new WatermarkedAes(Platform.TOUTIAO), WatermarkCheck.WHEN_PRESENT);
        return new PlatformParts(new CodeExchange(context, new ToutiaoLoginAdapter()), userData,
                new DecryptedPhoneNumbers(userData, "purePhoneNumber", "phoneNumber"), WatermarkedAes.KEY_BYTES);
    }
}
