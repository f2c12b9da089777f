package io.minipass.adapters.platforms.qq;

import io.minipass.adapters.platforms.common.CodeExchange;
import io.minipass.adapters.platforms.common.PlatformContext;
import io.minipass.adapters.platforms.common.PlatformModule;
import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.adapters.platforms.crypto.UserDataDecryptor;
import io.minipass.adapters.platforms.crypto.WatermarkCheck;
import io.minipass.adapters.platforms.crypto.WatermarkedAes;
import io.minipass.adapters.platforms.weixin.JsCode2SessionClient;
import io.minipass.domain.user.Platform;

import java.net.URI;

/**
 * QQ (docs/platforms.md#qq): WeChat's code exchange on QQ's host, profiles sealed with WeChat's scheme
 * (watermark required); no phone binding.
 */
public final class QqPlatform {
    public static final PlatformModule MODULE =
            new PlatformModule(URI.create("https://api.q.qq.com"), PlatformModule.APP_ID_AND_SECRET, QqPlatform::parts);

    private QqPlatform() {
    }

    private static PlatformParts parts(PlatformContext context) {
        return new PlatformParts(new CodeExchange(context, new JsCode2SessionClient()),
                new UserDataDecryptor(Platform.QQ, context.sessionKeys(), context.credentials().appId(),
                        new WatermarkedAes(Platform.QQ), WatermarkCheck.REQUIRED),
                PlatformParts.noPhoneBinding(Platform.QQ), WatermarkedAes.KEY_BYTES);
    }
}
