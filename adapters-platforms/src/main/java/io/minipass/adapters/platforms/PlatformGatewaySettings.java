package io.minipass.adapters.platforms;

import io.minipass.adapters.platforms.alipay.AlipayCredentials;
import io.minipass.adapters.platforms.baidu.BaiduCredentials;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformHttp;

import java.time.Duration;

/**
 * Everything the platform gateways are built from. A platform whose credentials are missing (null or empty)
 * still gets a gateway, which answers every call with "not configured" before touching the network.
 *
 * @param endpoints      base URLs; null means {@link PlatformEndpoints#OFFICIAL}
 * @param connectTimeout how long to wait for a connection; null means 5 s
 * @param requestTimeout how long one call may take in all; null means 5 s
 */
public record PlatformGatewaySettings(
        PlatformCredentials weixin,
        PlatformCredentials qq,
        PlatformCredentials toutiao,
        BaiduCredentials baidu,
        PlatformCredentials kuaishou,
        AlipayCredentials alipay,
        PlatformEndpoints endpoints,
        Duration connectTimeout,
        Duration requestTimeout) {

    /** No platform configured, official endpoints, default timeouts. */
    public static final PlatformGatewaySettings NONE = new PlatformGatewaySettings(
            null, null, null, null, null, null, null, null, null);

    public PlatformGatewaySettings {
        weixin = weixin == null ? PlatformCredentials.NONE : weixin;
        qq = qq == null ? PlatformCredentials.NONE : qq;
        toutiao = toutiao == null ? PlatformCredentials.NONE : toutiao;
        baidu = baidu == null ? BaiduCredentials.NONE : baidu;
        kuaishou = kuaishou == null ? PlatformCredentials.NONE : kuaishou;
        alipay = alipay == null ? AlipayCredentials.NONE : alipay;
        endpoints = endpoints == null ? PlatformEndpoints.OFFICIAL : endpoints;
        connectTimeout = connectTimeout == null ? PlatformHttp.DEFAULT_TIMEOUT : connectTimeout;
        requestTimeout = requestTimeout == null ? PlatformHttp.DEFAULT_TIMEOUT : requestTimeout;
    }
}
