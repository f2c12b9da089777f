package io.minipass.adapters.persistence;

import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;

/**
 * One {@code <prefix>user_platform} row as this service writes it: a user's ids of one platform in one system
 * type, with the token (written at {@code updTime}, or none).
 */
record RowInsert(long userId, String systemType, String platform, String token, String alipayOpenid,
                 String weixinOpenid, String weixinUnionid, String baiduOpenid, String toutiaoOpenid,
                 String toutiaoUnionid, String qqOpenid, String qqUnionid, String kuaishouOpenid, long addTime,
                 long updTime) {

    static RowInsert of(long userId, String systemType, Platform platform, PlatformIdentities ids, String token,
                        long now) {
        return new RowInsert(userId, systemType, platform.clientType(), token, ids.openId(Platform.ALIPAY),
                ids.openId(Platform.WEIXIN), ids.unionId(Platform.WEIXIN), ids.openId(Platform.BAIDU),
                ids.openId(Platform.TOUTIAO), ids.unionId(Platform.TOUTIAO), ids.openId(Platform.QQ),
                ids.unionId(Platform.QQ), ids.openId(Platform.KUAISHOU), now, token.isEmpty() ? 0 : now);
    }
}
