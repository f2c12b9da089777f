package io.minipass.bootstrap.wiring;

import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.config.PlatformsConfig;
import io.minipass.bootstrap.startup.FirstUseHttpClient;
import io.minipass.adapters.platforms.PlatformEndpoints;
import io.minipass.adapters.platforms.PlatformGatewaySettings;
import io.minipass.adapters.platforms.Platforms;
import io.minipass.adapters.platforms.common.PlatformCallLimit;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.application.port.out.DecryptUserDataPort;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.domain.user.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
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
        Set<Platform> configured = config.configured();
        this.developmentPlatforms = profile == MinipassConfig.RunProfile.PRODUCTION ? List.of()
                : Arrays.stream(Platform.values()).filter(platform -> !configured.contains(platform)).toList();
        this.loginPlatforms = profile == MinipassConfig.RunProfile.DEVELOPMENT
                ? Set.of(Platform.values()) : Set.copyOf(configured);
        // Built by the first platform call, not during the start (docs/design.md, ADR-23 and ADR-46).
        HttpClient http = new FirstUseHttpClient(() -> PlatformHttp.newClient(config.timeout()));
        Platforms platforms = Platforms.create(gatewaySettings(config), http,
                new PlatformCallLimit(config.maxConcurrentCalls()), sessionKeys, Clock.systemUTC(),
                Set.copyOf(developmentPlatforms));
        if (!developmentPlatforms.isEmpty()) {
            log.warn("*** DEVELOPMENT LOGIN GATEWAY serves {}: login codes become fake openids without asking the "
                    + "platform. Never expose this to real users; set the platform's credentials or run with "
                    + "MINIPASS_PROFILE=production. ***", developmentPlatforms);
        }
        this.loginGateways = platforms.loginGateways();
        this.sealedProfiles = platforms.userData();
        this.phoneNumbers = platforms.phoneNumbers();
    }

    /** Every platform's credentials and base URL as configured; what each platform needs is its package's business. */
    private static PlatformGatewaySettings gatewaySettings(PlatformsConfig config) {
        Map<Platform, PlatformCredentials> credentials = new EnumMap<>(Platform.class);
        Map<Platform, URI> baseUrls = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            credentials.put(platform, config.app(platform).credentials());
            if (config.app(platform).baseUrl() != null) {
                baseUrls.put(platform, config.app(platform).baseUrl());
            }
        }
        return new PlatformGatewaySettings(credentials, new PlatformEndpoints(baseUrls), config.timeout(), config.timeout());
    }
}
