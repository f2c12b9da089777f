package io.minipass.adapters.platforms.qq;

import io.minipass.adapters.platforms.common.PlatformContext;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformModule;
import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.adapters.platforms.crypto.UserDataDecryptor;
import io.minipass.adapters.platforms.crypto.WatermarkCheck;
import io.minipass.adapters.platforms.crypto.WatermarkedAes;
import io.minipass.domain.user.Platform;

import java.net.URI;
import java.util.List;

/**
 * QQ (docs/platforms.md#qq): WeChat's code exchange on QQ's host, profiles sealed with WeChat's scheme
 * (watermark required); no phone binding.
 */
public final class QqPlatform implements PlatformModule {

    @Override
    public URI officialBaseUrl() {
        return QqLoginAdapter.OFFICIAL_BASE_URL;
    }

    @Override
    public List<String> missingCredentials(PlatformCredentials credentials) {
        return credentials.missing("appid", "secret");
    }

    @Override
    public PlatformParts parts(PlatformContext context) {
        return new PlatformParts(
                new QqLoginAdapter(context.credentials(), context.baseUrlOr(officialBaseUrl()), context.http()),
                new UserDataDecryptor(Platform.QQ, context.sessionKeys(), context.credentials().appId(),
                        new WatermarkedAes(Platform.QQ), WatermarkCheck.REQUIRED),
                PlatformParts.noPhoneBinding(Platform.QQ), WatermarkedAes.KEY_BYTES);
    }
}
