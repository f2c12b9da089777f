package io.minipass.adapters.persistence;

import io.minipass.domain.user.Platform;

/**
 * A user as {@code PlatformUserMapper.xml} selects it: the {@code <prefix>user} columns this service reads (never
 * {@code salt} or {@code pwd}: only whether a password is set), and one of the user's {@code <prefix>user_platform}
 * rows, whose columns are null when the user was read without one. Column aliases in the XML match these names.
 */
record PlatformUserRow(
        long id,
        String numberCode,
        int status,
        int passwordSet,
        String username,
        String nickname,
        String mobile,
        String email,
        int gender,
        String avatar,
        String province,
        String city,
        String county,
        long birthday,
        String address,
        long integral,
        long lockingIntegral,
        long referrer,
        long isDeleteTime,
        long isLogoutTime,
        long addTime,
        long updTime,
        Long rowId,
        String systemType,
        String platform,
        String token,
        String alipayOpenid,
        String weixinOpenid,
        String weixinUnionid,
        String weixinWebOpenid,
        String baiduOpenid,
        String toutiaoOpenid,
        String toutiaoUnionid,
        String qqOpenid,
        String qqUnionid,
        String kuaishouOpenid,
        Long rowAddTime,
        Long rowUpdTime) {

    /** The row's openid of the platform; empty without a row. */
    String openIdOf(Platform platform) {
        String id = switch (platform) {
            case WEIXIN -> weixinOpenid;
            case ALIPAY -> alipayOpenid;
            case BAIDU -> baiduOpenid;
            case TOUTIAO -> toutiaoOpenid;
            case QQ -> qqOpenid;
            case KUAISHOU -> kuaishouOpenid;
        };
        return id == null ? "" : id;
    }

    /** The row's unionid of the platform; empty without a row or for a platform without unionids. */
    String unionIdOf(Platform platform) {
        String id = switch (platform) {
            case WEIXIN -> weixinUnionid;
            case TOUTIAO -> toutiaoUnionid;
            case QQ -> qqUnionid;
            case ALIPAY, BAIDU, KUAISHOU -> "";
        };
        return id == null ? "" : id;
    }

    boolean isLive() {
        return isDeleteTime == 0 && isLogoutTime == 0;
    }

    /** When the row's token was written: ShopXO and this service write the row's {@code upd_time} with it. */
    long tokenTime() {
        long updated = rowUpdTime == null ? 0 : rowUpdTime;
        return updated > 0 ? updated : (rowAddTime == null ? 0 : rowAddTime);
    }
}
