package io.minipass.domain.user;

/**
 * What a user tells the shop about themselves at registration. Values are fitted to their
 * columns here, so everything downstream can store them as they are.
 */
public record Profile(String nickname, String avatar, Gender gender, String province, String city) {
    public static final int NICKNAME_MAX = 60;
    public static final int PLACE_MAX = 60;
    public static final int AVATAR_MAX = 255;

    public static final Profile EMPTY = new Profile("", "", Gender.SECRET, "", "");

    public Profile {
        nickname = TextFit.forColumn(nickname, NICKNAME_MAX);
        avatar = fitAvatar(TextFit.wellFormed(avatar));
        gender = gender == null ? Gender.SECRET : gender;
        province = TextFit.forColumn(province, PLACE_MAX);
        city = TextFit.forColumn(city, PLACE_MAX);
    }

    /** A URL cut short would point somewhere else: one that does not fit whole is dropped. */
    private static String fitAvatar(String avatar) {
        String unescaped = avatar.replace("&amp;", "&");
        return TextFit.length(unescaped) > AVATAR_MAX ? "" : TextFit.forColumn(unescaped, AVATAR_MAX);
    }
}
