package io.minipass.adapters.platforms.weixin;

import io.minipass.adapters.platforms.common.LoginSessions;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.LoginSession;
import io.minipass.domain.user.Platform;

import java.net.URI;

/** Exchanges a WeChat {@code wx.login} code through {@code GET /sns/jscode2session} (docs/platforms.md#weixin). */
final class WeixinLoginAdapter implements ExchangeLoginCodePort {
    static final URI OFFICIAL_BASE_URL = URI.create("https://api.weixin.qq.com");

    private final JsCode2SessionClient client;

    WeixinLoginAdapter(PlatformCredentials credentials, URI baseUrl, PlatformHttp http) {
        this.client = new JsCode2SessionClient(Platform.WEIXIN, credentials, baseUrl, http);
    }

    @Override
    public LoginSession exchange(Platform platform, String code) {
        LoginSessions.requireOwnPlatform(Platform.WEIXIN, platform);
        return client.exchange(code);
    }
}
