package io.minipass.domain.user;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a platform's profile payload ({@code auth_data}, decrypted where the platform encrypts it)
 * into a {@link Profile}, with each platform's field names and gender codes.
 */
public final class AuthDataProfileReader {
    private AuthDataProfileReader() {
    }

    public static Profile read(Platform platform, Map<String, ?> authData) {
        return switch (platform) {
            case ALIPAY -> profile(authData, "nickName", "avatar", alipayGender(authData.get("gender")));
            case KUAISHOU -> profile(authData, "nickName", "avatarUrl", Gender.SECRET);
            case BAIDU -> baidu(authData);
            case WEIXIN, TOUTIAO, QQ -> profile(authData, "nickName", "avatarUrl", numericGender(authData.get("gender")));
        };
    }

    /** Baidu's decrypted payload says {@code nickname}, {@code headimgurl}, {@code sex}; its client API says WeChat's names. */
    private static Profile baidu(Map<String, ?> authData) {
        String nickname = firstText(authData, "nickname", "nickName");
        String avatar = firstText(authData, "headimgurl", "avatarUrl");
        Object gender = authData.containsKey("sex") ? authData.get("sex") : authData.get("gender");
        return new Profile(nickname, avatar, numericGender(gender), text(authData.get("province")), text(authData.get("city")));
    }

    private static String firstText(Map<String, ?> authData, String... keys) {
        for (String key : keys) {
            String value = text(authData.get(key));
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    private static Profile profile(Map<String, ?> authData, String nicknameKey, String avatarKey, Gender gender) {
        return new Profile(text(authData.get(nicknameKey)), text(authData.get(avatarKey)), gender,
                text(authData.get("province")), text(authData.get("city")));
    }

    /** WeChat-style codes: 1 male, 2 female, anything else unknown. */
    static Gender numericGender(Object value) {
        return switch (text(value).trim()) {
            case "1" -> Gender.MALE;
            case "2" -> Gender.FEMALE;
            default -> Gender.SECRET;
        };
    }

    /** Alipay sends {@code m} or {@code f}. */
    static Gender alipayGender(Object value) {
        return switch (text(value).trim().toLowerCase(Locale.ROOT)) {
            case "m" -> Gender.MALE;
            case "f" -> Gender.FEMALE;
            default -> Gender.SECRET;
        };
    }

    /** Scalars as text; nested objects and arrays carry no profile text. */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "";
    }
}
