package io.minipass.adapters.platforms;

import io.minipass.adapters.platforms.common.PlatformFailures;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.LoginSession;
import io.minipass.domain.user.Platform;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Sends each login code to the gateway of its platform. */
public final class PlatformLoginGateways implements ExchangeLoginCodePort {
    private final Map<Platform, ExchangeLoginCodePort> gateways;

    /** A platform without a gateway answers "not configured". */
    public PlatformLoginGateways(Map<Platform, ? extends ExchangeLoginCodePort> gateways) {
        this.gateways = gateways.isEmpty() ? new EnumMap<>(Platform.class) : new EnumMap<>(gateways);
    }

    @Override
    public LoginSession exchange(Platform platform, String code) {
        Objects.requireNonNull(platform, "platform");
        ExchangeLoginCodePort gateway = gateways.get(platform);
        if (gateway == null) {
            throw PlatformFailures.notConfigured(platform, List.of());
        }
        return gateway.exchange(platform, code);
    }
}
