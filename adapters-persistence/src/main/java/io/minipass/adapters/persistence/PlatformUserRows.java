package io.minipass.adapters.persistence;

import io.minipass.application.port.out.NewUser;
import io.minipass.domain.user.Channel;
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

/** Between this package's rows and the domain's {@link User}. */
final class PlatformUserRows {
    private PlatformUserRows() {
    }

    /** The user as read through the row: its channel, its ids and its token. */
    static User throughRow(PlatformUserRow row) {
        Map<Platform, String> openIds = new EnumMap<>(Platform.class);
        Map<Platform, String> unionIds = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            openIds.put(platform, row.openIdOf(platform));
            unionIds.put(platform, row.unionIdOf(platform));
        }
        PlatformIdentities ids = new PlatformIdentities(openIds, unionIds, row.weixinWebOpenid());
        return withoutRow(row).through(new Channel(text(row.systemType()), text(row.platform())), ids, text(row.token()));
    }

    /** The user read through none of its rows: no ids, no token. */
    static User withoutRow(PlatformUserRow row) {
        return new User(new UserId(row.id()), PlatformIdentities.NONE, new UserStatus(row.status()), "",
                row.username(), row.nickname(), row.mobile(), row.email(), Gender.fromCode(row.gender()), row.avatar(),
                row.province(), row.city(), row.birthday(), row.address(), row.integral(), row.lockingIntegral(),
                row.referrer(), row.isDeleteTime(), row.addTime(), row.updTime(), row.numberCode(), row.county(),
                row.isLogoutTime(), row.passwordSet() != 0, Channel.NONE);
    }

    /** The row's ids of one platform only: what a row of that platform in another channel copies. */
    static PlatformIdentities platformIds(PlatformUserRow row, Platform platform) {
        Map<Platform, String> openIds = new EnumMap<>(Platform.class);
        openIds.put(platform, row.openIdOf(platform));
        Map<Platform, String> unionIds = new EnumMap<>(Platform.class);
        unionIds.put(platform, row.unionIdOf(platform));
        return new PlatformIdentities(openIds, unionIds, "");
    }

    static PersonInsert toInsert(NewUser user) {
        Profile profile = user.profile();
        return new PersonInsert(user.status().code(), profile.nickname(), user.mobile(), profile.gender().code(),
                profile.avatar(), profile.province(), profile.city(), user.referrer(), user.addTime());
    }

    /** The newcomer as the registration stored it, through its one row; every column not written has its default. */
    static User registered(long id, String numberCode, NewUser user) {
        Profile profile = user.profile();
        return new User(new UserId(id), user.identity().ids(), user.status(),
                user.token().map(Token::value).orElse(""), "", profile.nickname(),
                user.mobile(), "", profile.gender(), profile.avatar(), profile.province(), profile.city(), 0, "", 0, 0,
                user.referrer(), 0, user.addTime(), 0, numberCode, "", 0, false, user.identity().channel());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
