package io.minipass.adapters.platforms.common;

import io.minipass.domain.user.Platform;

/** How messages shown to clients name each platform, as ShopXO does. */
public final class PlatformNames {
    private PlatformNames() {
    }

    /** The platform's short name: {@code 微信}, {@code 支付宝}... */
    public static String of(Platform platform) {
        return platform.shopName();
    }

    /** The shop's app on that platform: {@code 微信小程序}... */
    public static String miniProgramOf(Platform platform) {
        return of(platform) + "小程序";
    }
}
