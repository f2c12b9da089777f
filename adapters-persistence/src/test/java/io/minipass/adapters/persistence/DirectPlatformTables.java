package io.minipass.adapters.persistence;

import io.minipass.domain.user.Platform;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;

/**
 * ShopXO v3+'s two user tables as ShopXO (or a shop admin) writes them: plain JDBC, behind the adapter's back.
 * ShopXO writes a user's token to each of its platform rows of one channel; here a user written whole gets one
 * row per platform it has an openid of, in the default system type, each with the user's token.
 */
final class DirectPlatformTables extends DirectUserTable {

    DirectPlatformTables(TestDatabase database, String prefix) {
        super(database, prefix);
    }

    @Override
    void deleteAllRows() {
        update("DELETE FROM " + prefix + "user_platform");
        super.deleteAllRows();
    }

    @Override
    User insert(User user) {
        update("INSERT INTO " + prefix + "user (id, number_code, status, username, nickname, mobile, email, gender,"
                        + " avatar, province, city, birthday, address, integral, locking_integral, referrer,"
                        + " is_delete_time, is_logout_time, add_time, upd_time)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                user.id().value(), user.numberCode(), user.status().code(), user.username(), user.nickname(),
                user.mobile(), user.email(), user.gender().code(), user.avatar(), user.province(), user.city(),
                user.birthday(), user.address(), user.integral(), user.lockingIntegral(), user.referrer(),
                user.deleteTime(), user.logoutTime(), user.addTime(), user.updTime());
        for (Platform platform : Platform.values()) {
            String openId = user.identities().openId(platform);
            if (!openId.isEmpty()) {
                insertRow(user.id(), "default", platform, openId, user.identities().unionId(platform), user.token(),
                        user.updTime());
            }
        }
        return user;
    }

    /** One platform row, as ShopXO's own login writes it. */
    void insertRow(UserId userId, String systemType, Platform platform, String openId, String unionId, String token,
                   long time) {
        String union = platform.hasUnionId() ? ", " + platform.clientType() + "_unionid" : "";
        update("INSERT INTO " + prefix + "user_platform (user_id, system_type, platform, token, "
                        + platform.clientType() + "_openid" + union + ", add_time, upd_time) VALUES (?, ?, ?, ?, ?"
                        + (union.isEmpty() ? "" : ", ?") + ", ?, ?)",
                platform.hasUnionId()
                        ? new Object[] {userId.value(), systemType, platform.clientType(), token, openId, unionId, time, time}
                        : new Object[] {userId.value(), systemType, platform.clientType(), token, openId, time, time});
    }

    @Override
    void setToken(UserId id, String token) {
        update("UPDATE " + prefix + "user_platform SET token = ? WHERE user_id = ?", token, id.value());
    }

    @Override
    void setWeixinOpenid(UserId id, String openid) {
        update("UPDATE " + prefix + "user_platform SET weixin_openid = ? WHERE user_id = ? AND weixin_openid <> ''",
                openid, id.value());
    }

    void closeAccount(UserId id, long time) {
        update("UPDATE " + prefix + "user SET is_logout_time = ? WHERE id = ?", time, id.value());
    }

    int countRows() {
        return count("user_platform");
    }
}
