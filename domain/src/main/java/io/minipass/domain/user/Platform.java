package io.minipass.domain.user;

import java.util.Locale;
import java.util.Optional;

/** The mini-program platforms a shop's client can run on, named as ShopXO's {@code application_client_type}. */
public enum Platform {
    WEIXIN("weixin", true),
    ALIPAY("alipay", false),
    BAIDU("baidu", false),
    TOUTIAO("toutiao", true),
    QQ("qq", true),
    KUAISHOU("kuaishou", false);

    private final String clientType;
    private final boolean hasUnionId;

    Platform(String clientType, boolean hasUnionId) {
        this.clientType = clientType;
        this.hasUnionId = hasUnionId;
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
