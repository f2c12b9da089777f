package io.minipass.domain.user;

/**
 * A shop user as ShopXO's {@code sxo_user} row holds it (less the password columns).
 * Times are Unix seconds; 0 means never.
 */
public record User(
        UserId id,
        PlatformIdentities identities,
        UserStatus status,
        String token,
        String username,
        String nickname,
        String mobile,
        String email,
        Gender gender,
        String avatar,
        String province,
        String city,
        long birthday,
        String address,
        long integral,
        long lockingIntegral,
        long referrer,
        long deleteTime,
        long addTime,
        long updTime) {

    public User {
        token = nullToEmpty(token);
        username = nullToEmpty(username);
        nickname = nullToEmpty(nickname);
        mobile = nullToEmpty(mobile);
        email = nullToEmpty(email);
        gender = gender == null ? Gender.SECRET : gender;
        avatar = nullToEmpty(avatar);
        province = nullToEmpty(province);
        city = nullToEmpty(city);
        address = nullToEmpty(address);
    }

    public boolean isDeleted() {
        return deleteTime != 0;
    }

    /** The user as it reads after logging in with a new token at {@code now}. */
    public User withToken(String newToken, long now) {
        return new User(id, identities, status, newToken, username, nickname, mobile, email, gender, avatar,
                province, city, birthday, address, integral, lockingIntegral, referrer, deleteTime, addTime, now);
    }

    /** The user as it reads after a new openid was bound and a new token issued at {@code now}. */
    public User withOpenId(Platform platform, OpenId openId, String newToken, long now) {
        return new User(id, identities.withOpenId(platform, openId), status, newToken, username, nickname, mobile,
                email, gender, avatar, province, city, birthday, address, integral, lockingIntegral, referrer,
                deleteTime, addTime, now);
    }

    /** The user as it reads after a verified mobile was set and a new token issued at {@code now}. */
    public User withMobile(String newMobile, String newToken, long now) {
        return new User(id, identities, status, newToken, username, nickname, newMobile, email, gender, avatar,
                province, city, birthday, address, integral, lockingIntegral, referrer, deleteTime, addTime, now);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
