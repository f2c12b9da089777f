package io.minipass.adapters.platforms;

import io.minipass.adapters.platforms.alipay.AlipayLoginAdapter;
import io.minipass.adapters.platforms.baidu.BaiduLoginAdapter;
import io.minipass.adapters.platforms.common.PlatformCallLimit;
import io.minipass.adapters.platforms.common.PlatformFailures;
import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.adapters.platforms.kuaishou.KuaishouLoginAdapter;
import io.minipass.adapters.platforms.qq.QqLoginAdapter;
import io.minipass.adapters.platforms.toutiao.ToutiaoLoginAdapter;
import io.minipass.adapters.platforms.weixin.WeixinLoginAdapter;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.LoginSession;
import io.minipass.domain.user.Platform;

import java.net.http.HttpClient;
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

    /** The real gateways of all six platforms, on a new HTTP client with the settings' connect timeout. */
    public static PlatformLoginGateways create(PlatformGatewaySettings settings) {
        return create(settings, PlatformHttp.newClient(settings.connectTimeout()));
    }

    /**
     * The real gateways of all six platforms on {@code client}, whose own connect timeout applies
     * ({@link PlatformHttp#newClient} makes a fitting one); each call may take the settings' request timeout.
     *
     * @throws IllegalArgumentException when a configured Alipay key is not a readable RSA key
     */
    public static PlatformLoginGateways create(PlatformGatewaySettings settings, HttpClient client) {
        return create(settings, client, new PlatformCallLimit(PlatformCallLimit.DEFAULT_MAX_CONCURRENT));
    }

    /**
     * As {@link #create(PlatformGatewaySettings, HttpClient)}, with at most {@code limit} calls in flight at once.
     *
     * @param limit shared with the other platform clients, so that it bounds all outbound platform calls together
     */
    public static PlatformLoginGateways create(PlatformGatewaySettings settings, HttpClient client, PlatformCallLimit limit) {
        PlatformHttp http = new PlatformHttp(client, settings.requestTimeout(), limit);
        PlatformEndpoints at = settings.endpoints();
        Map<Platform, ExchangeLoginCodePort> gateways = new EnumMap<>(Platform.class);
        gateways.put(Platform.WEIXIN, new WeixinLoginAdapter(settings.weixin(), at.weixin(), http));
        gateways.put(Platform.QQ, new QqLoginAdapter(settings.qq(), at.qq(), http));
        gateways.put(Platform.TOUTIAO, new ToutiaoLoginAdapter(settings.toutiao(), at.toutiao(), http));
        gateways.put(Platform.BAIDU, new BaiduLoginAdapter(settings.baidu(), at.baidu(), http));
        gateways.put(Platform.KUAISHOU, new KuaishouLoginAdapter(settings.kuaishou(), at.kuaishou(), http));
        gateways.put(Platform.ALIPAY, new AlipayLoginAdapter(settings.alipay(), at.alipay(), http));
        return new PlatformLoginGateways(gateways);
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
