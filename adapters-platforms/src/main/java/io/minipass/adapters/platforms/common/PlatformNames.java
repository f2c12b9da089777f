package io.minipass.adapters.platforms.common;

import io.minipass.domain.user.Platform;

/** How messages shown to clients name each platform, as ShopXO does. */
public final class PlatformNames {
    private PlatformNames() {
    }

    /** The platform's short name: {@code 微信}, {@code 支付宝}... */
    public static String of(Platform platform) {
        return switch (platform) {
            case WEIXIN -> "微信";
            case QQ -> "QQ";
            case TOUTIAO -> "头条";
            case BAIDU -> "百度";
            case KUAISHOU -> "快手";
            case ALIPAY -> "支付宝";
        };
    }

    /** The shop's app on that platform: {@code 微信小程序}... */
    public static String miniProgramOf(Platform platform) {
        return of(platform) + "小程序";
    }
}
