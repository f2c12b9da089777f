package io.minipass.bootstrap;

import io.minipass.adapters.platforms.DevelopmentLoginGateway;
import io.minipass.adapters.platforms.PlatformEndpoints;
import io.minipass.adapters.platforms.PlatformGatewaySettings;
import io.minipass.adapters.platforms.PlatformLoginGateways;
import io.minipass.adapters.platforms.alipay.AlipayCredentials;
import io.minipass.adapters.platforms.baidu.BaiduCredentials;
import io.minipass.adapters.platforms.common.PlatformCallLimit;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.adapters.platforms.crypto.DecryptionSettings;
import io.minipass.adapters.platforms.crypto.PlatformUserDataDecryptor;
import io.minipass.adapters.platforms.crypto.SealedProfiles;
import io.minipass.adapters.platforms.phone.PlatformPhoneNumberVerifier;
import io.minipass.adapters.platforms.phone.WechatApiSettings;
import io.minipass.application.port.out.DecryptUserDataPort;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.bootstrap.PlatformsConfig.App;
import io.minipass.domain.user.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the platform adapters: login-code gateways, decryption and phone verification. */
final class PlatformWiring {
    private static final Logger log = LoggerFactory.getLogger(PlatformWiring.class);

    final ExchangeLoginCodePort loginGateways;
    final DecryptUserDataPort sealedProfiles;
    final VerifyPhoneNumberPort phoneNumbers;
    /** The platforms served by the development gateway (no network, fake openids). */
    final List<Platform> developmentPlatforms;
    /** The platforms anyone may log in on: those with credentials, and in development the rest too. */
    final Set<Platform> loginPlatforms;

    PlatformWiring(PlatformsConfig config, MinipassConfig.RunProfile profile, SessionKeyStore sessionKeys) {
        HttpClient http = PlatformHttp.newClient(config.timeout());
        PlatformCallLimit callLimit = new PlatformCallLimit(config.maxConcurrentCalls());
        PlatformLoginGateways real = PlatformLoginGateways.create(gatewaySettings(config), http, callLimit);
        Map<Platform, ExchangeLoginCodePort> gateways = new EnumMap<>(Platform.class);
        DevelopmentLoginGateway development = new DevelopmentLoginGateway();
        Set<Platform> served = EnumSet.noneOf(Platform.class);
        for (Platform platform : Platform.values()) {
            boolean configured = config.app(platform).isConfigured(platform);
            gateways.put(platform, configured || profile == MinipassConfig.RunProfile.PRODUCTION ? real : development);
            if (configured || profile == MinipassConfig.RunProfile.DEVELOPMENT) {
                served.add(platform);
            }
        }
        this.loginPlatforms = Set.copyOf(served);
        this.developmentPlatforms = gateways.entrySet().stream()
                .filter(entry -> entry.getValue() == development).map(Map.Entry::getKey).toList();
        if (!developmentPlatforms.isEmpty()) {
            log.warn("*** DEVELOPMENT LOGIN GATEWAY serves {}: login codes become fake openids without asking the "
                    + "platform. Never expose this to real users; set the platform's credentials or run with "
                    + "MINIPASS_PROFILE=production. ***", developmentPlatforms);
        }
        this.loginGateways = new PlatformLoginGateways(gateways);
        Map<Platform, String> appIds = new EnumMap<>(Platform.class);
        for (Platform platform : List.of(Platform.WEIXIN, Platform.QQ, Platform.TOUTIAO)) {
            appIds.put(platform, config.app(platform).appId());
        }
        PlatformUserDataDecryptor decryptor = new PlatformUserDataDecryptor(sessionKeys,
                new DecryptionSettings(appIds, config.app(Platform.BAIDU).appKey()));
        this.sealedProfiles = new SealedProfiles(decryptor);
        App weixin = config.app(Platform.WEIXIN);
        this.phoneNumbers = new PlatformPhoneNumberVerifier(
                new WechatApiSettings(weixin.baseUrl(), weixin.appId(), weixin.secret(), config.timeout()), http, decryptor,
                Clock.systemUTC(), callLimit);
    }

    private static PlatformGatewaySettings gatewaySettings(PlatformsConfig config) {
        App baidu = config.app(Platform.BAIDU);
        App alipay = config.app(Platform.ALIPAY);
        return new PlatformGatewaySettings(
                credentials(config.app(Platform.WEIXIN)),
                credentials(config.app(Platform.QQ)),
                credentials(config.app(Platform.TOUTIAO)),
                new BaiduCredentials(baidu.appId(), baidu.appKey(), baidu.secret()),
                credentials(config.app(Platform.KUAISHOU)),
                new AlipayCredentials(alipay.appId(), alipay.privateKey(), alipay.publicKey()),
                new PlatformEndpoints(config.app(Platform.WEIXIN).baseUrl(), config.app(Platform.QQ).baseUrl(),
                        config.app(Platform.TOUTIAO).baseUrl(), baidu.baseUrl(), config.app(Platform.KUAISHOU).baseUrl(),
                        alipay.baseUrl()),
                config.timeout(), config.timeout());
    }

    private static PlatformCredentials credentials(App app) {
        return new PlatformCredentials(app.appId(), app.secret());
    }
}
