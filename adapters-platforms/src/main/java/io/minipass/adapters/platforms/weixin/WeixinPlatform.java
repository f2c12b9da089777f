package io.minipass.adapters.platforms.weixin;

import io.minipass.adapters.platforms.common.CodeExchange;
import io.minipass.adapters.platforms.common.PlatformContext;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.adapters.platforms.common.PlatformModule;
import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.adapters.platforms.crypto.DecryptedPhoneNumbers;
import io.minipass.adapters.platforms.crypto.UserDataDecryptor;
import io.minipass.adapters.platforms.crypto.WatermarkCheck;
import io.minipass.adapters.platforms.crypto.WatermarkedAes;
import io.minipass.domain.user.Platform;

import java.net.URI;

/**
 * WeChat (docs/platforms.md#weixin): {@code jscode2session}; phone numbers from the server API with a stable
 * access token, or from legacy sealed data; sealed data with WeChat's AES-128 scheme and watermark.
 */
public final class WeixinPlatform {
    public static final PlatformModule MODULE = new PlatformModule(URI.create("https://api.weixin.qq.com"),
            PlatformModule.APP_ID_AND_SECRET, WeixinPlatform::parts);

    private WeixinPlatform() {
    }

    private static PlatformParts parts(PlatformContext context) {
        PlatformCredentials credentials = context.credentials();
        UserDataDecryptor userData = new UserDataDecryptor(Platform.WEIXIN, context.sessionKeys(), credentials.appId(),
                new WatermarkedAes(Platform.WEIXIN), WatermarkCheck.REQUIRED);
        PlatformHttp serverApi = context.http().forServerApi();
        WechatPhoneNumbers api = new WechatPhoneNumbers(credentials, context.baseUrl(), serverApi,
                new WechatAccessTokens(credentials, context.baseUrl(), serverApi, context.clock()));
        return new PlatformParts(new CodeExchange(context, new JsCode2SessionClient()), userData,
                new WeixinPhoneNumbers(api, new DecryptedPhoneNumbers(userData, "purePhoneNumber", "phoneNumber")),
                WatermarkedAes.KEY_BYTES);
    }
}
