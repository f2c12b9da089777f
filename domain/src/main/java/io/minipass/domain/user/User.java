package io.minipass.domain.user;

/**
 * A shop user as ShopXO's {@code sxo_user} row holds it (less the password columns), with the platform ids and
 * the token it was read with: on ShopXO v2 the row's own columns; on ShopXO v3 and later those of the one
 * platform row it was read through ({@link #channel}). Times are Unix seconds; 0 means never.
 *
 * @param numberCode   ShopXO v3's member code ({@code 8888...}); empty on v2
 * @param county       the user's county (ShopXO v3 and later); empty on v2
 * @param logoutTime   when the user closed their account (ShopXO v3 and later, {@code is_logout_time}); 0: never
 * @param passwordSet  whether the user has a password ({@code is_setup_pwd}); never the password itself
 * @param channel      the platform row the ids and token were read from; {@link Channel#NONE} when none
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
        long updTime,
        String numberCode,
        String county,
        long logoutTime,
        boolean passwordSet,
        Channel channel) {

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
        numberCode = nullToEmpty(numberCode);
        county = nullToEmpty(county);
        channel = channel == null ? Channel.NONE : channel;
    }

    /** A user of ShopXO v2's table, which has no member code, county, account closing or platform rows. */
    public User(UserId id, PlatformIdentities identities, UserStatus status, String token, String username,
                String nickname, String mobile, String email, Gender gender, String avatar, String province,
                String city, long birthday, String address, long integral, long lockingIntegral, long referrer,
                long deleteTime, long addTime, long updTime) {
        this(id, identities, status, token, username, nickname, mobile, email, gender, avatar, province, city,
                birthday, address, integral, lockingIntegral, referrer, deleteTime, addTime, updTime, "", "", 0,
                false, Channel.NONE);
    }

    /** Whether the shop deleted the user or the user closed their account: such a user logs in nowhere. */
    public boolean isDeleted() {
        return deleteTime != 0 || logoutTime != 0;
    }

    /** The user as it reads after logging in with a new token at {@code now}, where the token lives in the user's row. */
    public User withToken(String newToken, long now) {
        return new User(id, identities, status, newToken, username, nickname, mobile, email, gender, avatar,
                province, city, birthday, address, integral, lockingIntegral, referrer, deleteTime, addTime, now,
                numberCode, county, logoutTime, passwordSet, channel);
    }

    /** The user as it reads after a new openid was bound and a new token issued at {@code now}, in the user's row. */
    public User withOpenId(Platform platform, OpenId openId, String newToken, long now) {
        return new User(id, identities.withOpenId(platform, openId), status, newToken, username, nickname, mobile,
                email, gender, avatar, province, city, birthday, address, integral, lockingIntegral, referrer,
                deleteTime, addTime, now, numberCode, county, logoutTime, passwordSet, channel);
    }

    /** The user as it reads after a verified mobile was set and a new token issued at {@code now}. */
    public User withMobile(String newMobile, String newToken, long now) {
        return new User(id, identities, status, newToken, username, nickname, newMobile, email, gender, avatar,
                province, city, birthday, address, integral, lockingIntegral, referrer, deleteTime, addTime, now,
                numberCode, county, logoutTime, passwordSet, channel);
    }

    /** The user as read through one of its platform rows (ShopXO v3 and later): that row's channel, ids and token. */
    public User through(Channel rowChannel, PlatformIdentities rowIdentities, String rowToken) {
        return new User(id, rowIdentities, status, rowToken, username, nickname, mobile, email, gender, avatar,
                province, city, birthday, address, integral, lockingIntegral, referrer, deleteTime, addTime, updTime,
                numberCode, county, logoutTime, passwordSet, rowChannel);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
