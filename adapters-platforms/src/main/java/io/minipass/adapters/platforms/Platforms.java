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

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The platform adapters' entry point: builds every platform's package on one HTTP executor and hands out the
 * outgoing ports, each routing a call to its platform (docs/design.md#modules). Nothing else of this module
 * needs to be wired.
 */
public final class Platforms {
    private final Map<Platform, PlatformParts> parts;
    private final ExchangeLoginCodePort loginGateways;
    private final DecryptUserDataPort userData;
    private final VerifyPhoneNumberPort phoneNumbers;
    private final ExchangeLoginCodePort developmentGateway;

    private Platforms(Map<Platform, PlatformParts> parts) {
        this.parts = parts;
        Map<Platform, ExchangeLoginCodePort> logins = new EnumMap<>(Platform.class);
        Map<Platform, DecryptUserDataPort> decryptors = new EnumMap<>(Platform.class);
        Map<Platform, VerifyPhoneNumberPort> verifiers = new EnumMap<>(Platform.class);
        Map<Platform, Integer> keyBytes = new EnumMap<>(Platform.class);
        parts.forEach((platform, part) -> {
            logins.put(platform, part.login());
            decryptors.put(platform, part.userData());
            verifiers.put(platform, part.phoneNumbers());
            keyBytes.put(platform, part.sessionKeyBytes());
        });
        this.loginGateways = new PlatformLoginGateways(logins);
        this.userData = new PlatformUserDataDecryptor(decryptors);
        this.phoneNumbers = new PlatformPhoneNumberVerifier(verifiers);
        this.developmentGateway = new DevelopmentLoginGateway(keyBytes);
    }

    /**
     * Every platform's adapters on {@code client}, whose own connect timeout applies ({@link PlatformHttp#newClient}
     * makes a fitting one); each call may take the settings' request timeout.
     *
     * @param limit       bounds all outbound platform calls together
     * @param sessionKeys what sealed user data is opened with
     * @throws IllegalArgumentException when a configured key is unreadable (Alipay's RSA keys)
     */
    public static Platforms create(PlatformGatewaySettings settings, HttpClient client, PlatformCallLimit limit,
                                   SessionKeyStore sessionKeys, Clock clock) {
        PlatformHttp http = new PlatformHttp(client, settings.requestTimeout(), limit);
        Map<Platform, PlatformParts> parts = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            PlatformContext context = new PlatformContext(settings.credentials(platform),
                    settings.endpoints().of(platform).orElse(null), http, sessionKeys, clock);
            parts.put(platform, module(platform).parts(context));
        }
        return new Platforms(parts);
    }

    /** As {@link #create(PlatformGatewaySettings, HttpClient, PlatformCallLimit, SessionKeyStore, Clock)}, on a new client. */
    public static Platforms create(PlatformGatewaySettings settings, SessionKeyStore sessionKeys, Clock clock) {
        return create(settings, PlatformHttp.newClient(settings.connectTimeout()),
                new PlatformCallLimit(PlatformCallLimit.DEFAULT_MAX_CONCURRENT), sessionKeys, clock);
    }

    /**
     * Each platform's package: the one line per platform (docs/checklists.md#adding-a-platform). Exhaustive, so
     * a new {@link Platform} constant does not compile until its package is added here.
     */
    static PlatformModule module(Platform platform) {
        return switch (platform) {
            case WEIXIN -> new WeixinPlatform();
            case QQ -> new QqPlatform();
            case TOUTIAO -> new ToutiaoPlatform();
            case BAIDU -> new BaiduPlatform();
            case KUAISHOU -> new KuaishouPlatform();
            case ALIPAY -> new AlipayPlatform();
        };
    }

    /** Whether the credentials hold everything the platform's calls need. */
    public static boolean isConfigured(Platform platform, PlatformCredentials credentials) {
        return missingCredentials(platform, credentials).isEmpty();
    }

    /** The names of what the platform's calls need and the credentials lack, e.g. {@code [appkey, secret]}. */
    public static List<String> missingCredentials(Platform platform, PlatformCredentials credentials) {
        return module(platform).missingCredentials(credentials == null ? PlatformCredentials.NONE : credentials);
    }

    /** Where the platform's API lives unless {@link PlatformEndpoints} says otherwise. */
    public static URI officialBaseUrl(Platform platform) {
        return module(platform).officialBaseUrl();
    }

    /** The real login-code exchanges, one per platform ("not configured" where credentials are missing). */
    public ExchangeLoginCodePort loginGateways() {
        return loginGateways;
    }

    /**
     * <b>Development and tests only.</b> Turns any login code into a stable fake openid without asking any
     * platform, with a random session key of the platform's length; see {@link DevelopmentLoginGateway}.
     */
    public ExchangeLoginCodePort developmentGateway() {
        return developmentGateway;
    }

    public DecryptUserDataPort userData() {
        return userData;
    }

    public VerifyPhoneNumberPort phoneNumbers() {
        return phoneNumbers;
    }

    /** One platform's adapters, for tests of this module. */
    PlatformParts parts(Platform platform) {
        return Objects.requireNonNull(parts.get(platform));
    }
}
