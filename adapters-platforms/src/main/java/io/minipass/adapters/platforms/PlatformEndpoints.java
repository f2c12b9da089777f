package io.minipass.adapters.platforms;

import io.minipass.adapters.platforms.alipay.AlipayLoginAdapter;
import io.minipass.adapters.platforms.baidu.BaiduLoginAdapter;
import io.minipass.adapters.platforms.kuaishou.KuaishouLoginAdapter;
import io.minipass.adapters.platforms.qq.QqLoginAdapter;
import io.minipass.adapters.platforms.toutiao.ToutiaoLoginAdapter;
import io.minipass.adapters.platforms.weixin.WeixinLoginAdapter;
import io.minipass.domain.user.Platform;

import java.net.URI;

/**
 * Where each platform's API lives: scheme, host and optional path prefix, without the API's own path
 * (e.g. {@code https://api.weixin.qq.com}). Other values serve sandboxes (Alipay's
 * {@code https://openapi-sandbox.dl.alipaydev.com}), proxies and local stubs.
 */
public record PlatformEndpoints(URI weixin, URI qq, URI toutiao, URI baidu, URI kuaishou, URI alipay) {
    public static final PlatformEndpoints OFFICIAL = new PlatformEndpoints(
            WeixinLoginAdapter.OFFICIAL_BASE_URL, QqLoginAdapter.OFFICIAL_BASE_URL,
            ToutiaoLoginAdapter.OFFICIAL_BASE_URL, BaiduLoginAdapter.OFFICIAL_BASE_URL,
            KuaishouLoginAdapter.OFFICIAL_BASE_URL, AlipayLoginAdapter.OFFICIAL_BASE_URL);

    /** A missing value means the official one; anything else must be an absolute http(s) URL with a host. */
    public PlatformEndpoints {
        weixin = checked(weixin, WeixinLoginAdapter.OFFICIAL_BASE_URL);
        qq = checked(qq, QqLoginAdapter.OFFICIAL_BASE_URL);
        toutiao = checked(toutiao, ToutiaoLoginAdapter.OFFICIAL_BASE_URL);
        baidu = checked(baidu, BaiduLoginAdapter.OFFICIAL_BASE_URL);
        kuaishou = checked(kuaishou, KuaishouLoginAdapter.OFFICIAL_BASE_URL);
        alipay = checked(alipay, AlipayLoginAdapter.OFFICIAL_BASE_URL);
    }

    /** Every platform at one base URL, as a local stub or a forwarding proxy serves them. */
    public static PlatformEndpoints allAt(URI base) {
        return new PlatformEndpoints(base, base, base, base, base, base);
    }

    public URI of(Platform platform) {
        return switch (platform) {
            case WEIXIN -> weixin;
            case QQ -> qq;
            case TOUTIAO -> toutiao;
            case BAIDU -> baidu;
            case KUAISHOU -> kuaishou;
            case ALIPAY -> alipay;
        };
    }

    private static URI checked(URI base, URI official) {
        if (base == null) {
            return official;
        }
        String scheme = base.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || base.getHost() == null
                || base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException("platform base URL must be http(s)://host[:port][/prefix]: " + base);
        }
        return base;
    }
}
