package io.minipass.adapters.web.user;

import io.minipass.adapters.web.php.PhpValues;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;

import java.util.Locale;
import java.util.Map;

/**
 * A profile ShopXO's clients send in the clear, with each platform's field names and gender codes
 * (docs/contract.md#profile-mapping): {@code nickName}, {@code avatarUrl} (Alipay: {@code avatar}),
 * {@code province}, {@code city}; gender 1 male / 2 female, Alipay {@code m}/{@code f}, Kuaishou none.
 */
final class ClientProfiles {
    private ClientProfiles() {
    }

    static Profile read(Platform platform, Map<String, ?> fields) {
        return switch (platform) {
            case ALIPAY -> profile(fields, "avatar", alipayGender(text(fields, "gender")));
            case KUAISHOU -> profile(fields, "avatarUrl", Gender.SECRET);
            case WEIXIN, TOUTIAO, QQ, BAIDU -> profile(fields, "avatarUrl", Gender.fromPlatformCode(text(fields, "gender")));
        };
    }

    private static Profile profile(Map<String, ?> fields, String avatarKey, Gender gender) {
        return new Profile(text(fields, "nickName"), text(fields, avatarKey), gender, text(fields, "province"),
                text(fields, "city"));
    }

    private static Gender alipayGender(String code) {
        return switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "m" -> Gender.MALE;
            case "f" -> Gender.FEMALE;
            default -> Gender.SECRET;
        };
    }

    private static String text(Map<String, ?> fields, String name) {
        return PhpValues.text(fields.get(name));
    }
}
