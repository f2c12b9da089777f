package io.minipass.adapters.platforms;

import io.minipass.adapters.platforms.alipay.AlipayPlatform;
import io.minipass.adapters.platforms.baidu.BaiduPlatform;
import io.minipass.adapters.platforms.common.PlatformCallLimit;
import io.minipass.adapters.platforms.common.PlatformContext;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.adapters.platforms.common.PlatformModule;
import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.adapters.platforms.kuaishou.KuaishouPlatform;
import io.minipass.adapters.platforms.qq.QqPlatform;
import io.minipass.adapters.platforms.toutiao.ToutiaoPlatform;
import io.minipass.adapters.platforms.weixin.WeixinPlatform;
import io.minipass.application.port.out.DecryptUserDataPort;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.domain.user.Platform;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The platform adapters' entry point: builds every platform's parts on one HTTP executor and hands out the
 * outgoing ports, all routed by one {@link PlatformRouter} (docs/design.md#modules). Nothing else of this
 * module needs to be wired.
 */
public final class Platforms {
    private final PlatformRouter router;

    private Platforms(PlatformRouter router) {
        this.router = router;
    }

    /**
     * Every platform's adapters on {@code client}, whose own connect timeout applies ({@link PlatformHttp#newClient}
     * makes a fitting one); each call may take the settings' request timeout.
     *
     * @param limit             bounds all outbound platform calls together
     * @param sessionKeys       what sealed user data is opened with
     * @param developmentLogins the platforms whose login codes the {@link DevelopmentLoginGateway} trades instead
     *                          of the platform (development and tests only)
     * @throws IllegalArgumentException when a configured key is unreadable (Alipay's RSA keys)
     */
    public static Platforms create(PlatformGatewaySettings settings, HttpClient client, PlatformCallLimit limit,
                                   SessionKeyStore sessionKeys, Clock clock, Set<Platform> developmentLogins) {
        PlatformHttp http = new PlatformHttp(client, settings.requestTimeout(), limit);
        Map<Platform, PlatformParts> parts = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            PlatformModule module = module(platform);
            PlatformCredentials credentials = settings.credentials(platform);
            PlatformParts real = module.parts().apply(new PlatformContext(platform, credentials,
                    module.missingCredentials().apply(credentials),
                    settings.endpoints().of(platform).orElse(module.officialBaseUrl()), http, sessionKeys, clock));
            parts.put(platform, !developmentLogins.contains(platform) ? real : new PlatformParts(
                    new DevelopmentLoginGateway(platform, real.sessionKeyBytes()), real.userData(), real.phoneNumbers(),
                    real.sessionKeyBytes()));
        }
        return new Platforms(new PlatformRouter(parts));
    }

    /**
     * Each platform as a value: the one line per platform (docs/checklists.md#adding-a-platform). Exhaustive, so
     * a new {@link Platform} constant does not compile until its package is added here.
     */
    static PlatformModule module(Platform platform) {
        return switch (platform) {
            case WEIXIN -> WeixinPlatform.MODULE;
            case QQ -> QqPlatform.MODULE;
            case TOUTIAO -> ToutiaoPlatform.MODULE;
            case BAIDU -> BaiduPlatform.MODULE;
            case KUAISHOU -> KuaishouPlatform.MODULE;
            case ALIPAY -> AlipayPlatform.MODULE;
        };
    }

    /** Whether the credentials hold everything the platform's calls need. */
    public static boolean isConfigured(Platform platform, PlatformCredentials credentials) {
        return module(platform).missingCredentials()
                .apply(credentials == null ? PlatformCredentials.NONE : credentials).isEmpty();
    }

    /** The login-code exchanges, one per platform ("not configured" where credentials are missing). */
    public ExchangeLoginCodePort loginGateways() {
        return router;
    }

    public DecryptUserDataPort userData() {
        return router;
    }

    public VerifyPhoneNumberPort phoneNumbers() {
        return router;
    }
}
