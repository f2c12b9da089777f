package io.minipass.domain.user;

import java.util.Locale;
import java.util.Optional;

/** The mini-program platforms a shop's client can run on, named as ShopXO's {@code application_client_type}. */
public enum Platform {
    WEIXIN("weixin", true, "微信"),
    ALIPAY("alipay", false, "支付宝"),
    BAIDU("baidu", false, "百度"),
    TOUTIAO("toutiao", true, "头条"),
    QQ("qq", true, "QQ"),
    KUAISHOU("kuaishou", false, "快手");

    private final String clientType;
    private final boolean hasUnionId;
    private final String shopName;

    Platform(String clientType, boolean hasUnionId, String shopName) {
        this.clientType = clientType;
        this.hasUnionId = hasUnionId;
        this.shopName = shopName;
    }

    /** How messages shown to clients name the platform, as ShopXO does: {@code 微信}, {@code 支付宝}... */
    public String shopName() {
        return shopName;
    }

    /** The answer when the shop has not set up its app on this platform: {@code 微信小程序未配置}. */
    public String notConfiguredMessage() {
        return shopName + "小程序未配置";
    }

    /** The client type as clients send it and ShopXO names columns after it ({@code weixin_openid}). */
    public String clientType() {
        return clientType;
    }

    /** Whether the platform issues a unionid that can bind a new openid to an existing user of the same platform. */
    public boolean hasUnionId() {
        return hasUnionId;
    }

    /** Matches a client type case-insensitively after trimming; empty when it names no mini-program platform. */
    public static Optional<Platform> fromClientType(String clientType) {
        if (clientType == null) {
            return Optional.empty();
        }
        String wanted = clientType.trim().toLowerCase(Locale.ROOT);
        for (Platform platform : values()) {
            if (platform.clientType.equals(wanted)) {
                return Optional.of(platform);
            }
        }
        return Optional.empty();
    }
}
