package io.minipass.adapters.persistence;

import io.minipass.application.port.out.NewUser;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.Token;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;

import java.util.EnumMap;
import java.util.Map;

/** Between the module's rows and the domain's {@link User}. */
final class UserRowMapping {
    private UserRowMapping() {
    }

    static User toUser(UserRow row) {
        Map<Platform, String> openIds = new EnumMap<>(Platform.class);
        openIds.put(Platform.WEIXIN, row.weixinOpenid());
        openIds.put(Platform.ALIPAY, row.alipayOpenid());
        openIds.put(Platform.BAIDU, row.baiduOpenid());
        openIds.put(Platform.TOUTIAO, row.toutiaoOpenid());
        openIds.put(Platform.QQ, row.qqOpenid());
        openIds.put(Platform.KUAISHOU, row.kuaishouOpenidColumn() == null || row.kuaishouOpenidColumn().isEmpty()
                ? IdText.text(row.kuaishouOpenid()) : row.kuaishouOpenidColumn());
        Map<Platform, String> unionIds = new EnumMap<>(Platform.class);
        unionIds.put(Platform.WEIXIN, row.weixinUnionid());
        unionIds.put(Platform.QQ, row.qqUnionid());
        unionIds.put(Platform.TOUTIAO, IdText.text(row.toutiaoUnionid()));
        return new User(new UserId(row.id()), new PlatformIdentities(openIds, unionIds, row.weixinWebOpenid()),
                new UserStatus(row.status()), row.token(), row.username(), row.nickname(), row.mobile(), row.email(),
                Gender.fromCode(row.gender()), row.avatar(), row.province(), row.city(), row.birthday(), row.address(),
                row.integral(), row.lockingIntegral(), row.referrer(), row.isDeleteTime(), row.addTime(), row.updTime());
    }

    /**
     * The user-table columns of a registration. Ids without a column (see {@link IdSlots}) come out
     * empty here and are stored by the caller; a newcomer's identity holds no unionid of a platform without unionids.
     *
     * @param kuaishouOpenid the value for ShopXO's {@code kuaishou_openid}, null where the table has no such column
     */
    static UserInsert toInsert(NewUser user, String kuaishouOpenid) {
        PlatformIdentities ids = user.identity().ids();
        Profile profile = user.profile();
        return new UserInsert(ids.openId(Platform.ALIPAY), ids.openId(Platform.WEIXIN), ids.unionId(Platform.WEIXIN),
                ids.openId(Platform.BAIDU), ids.openId(Platform.TOUTIAO), ids.openId(Platform.QQ),
                ids.unionId(Platform.QQ), user.status().code(), user.token().map(Token::value).orElse(""),
                profile.nickname(), user.mobile(), profile.gender().code(), profile.avatar(), profile.province(),
                profile.city(), user.referrer(), user.addTime(), kuaishouOpenid);
    }
}
