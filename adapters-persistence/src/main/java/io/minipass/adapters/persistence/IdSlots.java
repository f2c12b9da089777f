package io.minipass.adapters.persistence;

import io.minipass.application.port.out.NewUser;
import io.minipass.domain.user.Platform;

import java.util.Optional;

/**
 * Where each platform's ids live in this database, given its ShopXO v2 release.
 *
 * @param kuaishouOpenidColumn whether {@code <prefix>user} has ShopXO v2.2.8's {@code kuaishou_openid}
 */
record IdSlots(boolean kuaishouOpenidColumn) {
    static final String KUAISHOU_OPENID = "kuaishou_openid";

    IdSlot openId(Platform platform) {
        return switch (platform) {
            case WEIXIN -> new IdSlot.Column(platform, IdSlot.Kind.OPENID, "weixin_openid");
            case ALIPAY -> new IdSlot.Column(platform, IdSlot.Kind.OPENID, "alipay_openid");
            case BAIDU -> new IdSlot.Column(platform, IdSlot.Kind.OPENID, "baidu_openid");
            case TOUTIAO -> new IdSlot.Column(platform, IdSlot.Kind.OPENID, "toutiao_openid");
            case QQ -> new IdSlot.Column(platform, IdSlot.Kind.OPENID, "qq_openid");
            case KUAISHOU -> kuaishouOpenidColumn
                    ? new IdSlot.Column(platform, IdSlot.Kind.OPENID, KUAISHOU_OPENID)
                    : new IdSlot.OwnTable(platform, IdSlot.Kind.OPENID);
        };
    }

    /** Empty for a platform without unionids: a unionid sent for one is ignored. */
    Optional<IdSlot> unionId(Platform platform) {
        return switch (platform) {
            case WEIXIN -> Optional.of(new IdSlot.Column(platform, IdSlot.Kind.UNIONID, "weixin_unionid"));
            case QQ -> Optional.of(new IdSlot.Column(platform, IdSlot.Kind.UNIONID, "qq_unionid"));
            case TOUTIAO -> Optional.of(new IdSlot.OwnTable(platform, IdSlot.Kind.UNIONID));
            case ALIPAY, BAIDU, KUAISHOU -> Optional.empty();
        };
    }

    /** The openid a registration's insert writes to the Kuaishou column; null where there is no such column. */
    String kuaishouColumnValue(NewUser user) {
        if (!kuaishouOpenidColumn) {
            return null;
        }
        return user.platform() == Platform.KUAISHOU ? user.openId().value() : "";
    }
}
