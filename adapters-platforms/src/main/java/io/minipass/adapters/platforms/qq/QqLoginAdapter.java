package io.minipass.adapters.platforms.qq;

import io.minipass.adapters.platforms.common.LoginSessions;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.adapters.platforms.weixin.JsCode2SessionClient;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.LoginSession;
import io.minipass.domain.user.Platform;

import java.net.URI;

/**
 * Exchanges a QQ {@code qq.login} code through {@code GET /sns/jscode2session} on {@code api.q.qq.com},
 * which has WeChat's parameters, answers and error codes (docs/platforms.md#qq).
 */
final class QqLoginAdapter implements ExchangeLoginCodePort {
    static final URI OFFICIAL_BASE_URL = URI.create("https://api.q.qq.com");

    private final JsCode2SessionClient client;

    QqLoginAdapter(PlatformCredentials credentials, URI baseUrl, PlatformHttp http) {
        this.client = new JsCode2SessionClient(Platform.QQ, credentials, baseUrl, http);
    }

    @Override
    public LoginSession exchange(Platform platform, String code) {
        LoginSessions.requireOwnPlatform(Platform.QQ, platform);
        return client.exchange(code);
    }
}
