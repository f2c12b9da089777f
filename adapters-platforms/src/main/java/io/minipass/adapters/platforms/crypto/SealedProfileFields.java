package io.minipass.adapters.platforms.crypto;

import io.minipass.adapters.platforms.common.PlatformJson;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.Profile;

import java.util.Map;

/**
 * A sealed profile's fields once opened (docs/platforms.md#decryption): QQ's payload says
 * {@code nickName}, {@code avatarUrl}, {@code gender}, as WeChat's does; Baidu's {@code nickname},
 * {@code headimgurl}, {@code sex}. Text is kept as sealed; nested objects and arrays hold none.
 */
final class SealedProfileFields {
    private SealedProfileFields() {
    }

    static Profile read(Map<String, Object> payload) {
        return new Profile(first(payload, "nickname", "nickName"), first(payload, "headimgurl", "avatarUrl"),
                Gender.fromPlatformCode(first(payload, "sex", "gender")), first(payload, "province"),
                first(payload, "city"));
    }

    private static String first(Map<String, Object> payload, String... fields) {
        for (String field : fields) {
            String text = PlatformJson.text(payload.get(field));
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }
}
