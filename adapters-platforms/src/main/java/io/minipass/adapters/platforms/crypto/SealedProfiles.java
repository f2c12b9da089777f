package io.minipass.adapters.platforms.crypto;

import io.minipass.application.port.out.DecryptUserDataPort;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The profiles Baidu and QQ seal: opened by the decryptor, then read with the platform's field names
 * (docs/platforms.md#decryption). QQ's payload says {@code nickName}, {@code avatarUrl},
 * {@code gender}; Baidu's {@code nickname}, {@code headimgurl}, {@code sex} (its client API WeChat's).
 */
public final class SealedProfiles implements DecryptUserDataPort {
    private final PlatformUserDataDecryptor decryptor;

    public SealedProfiles(PlatformUserDataDecryptor decryptor) {
        this.decryptor = Objects.requireNonNull(decryptor, "decryptor");
    }

    @Override
    public Profile decryptProfile(Platform platform, OpenId openId, String encryptedData, String iv) {
        Map<String, Object> payload = decryptor.decrypt(platform, openId, encryptedData, iv);
        return new Profile(first(payload, "nickname", "nickName"), first(payload, "headimgurl", "avatarUrl"),
                Gender.fromPlatformCode(first(payload, "sex", "gender")), first(payload, "province"),
                first(payload, "city"));
    }

    /** The first field holding text; nested objects and arrays hold none. */
    private static String first(Map<String, Object> payload, String... fields) {
        for (String field : fields) {
            Object value = payload.get(field);
            String text = value instanceof String string ? string
                    : value instanceof BigDecimal decimal ? decimal.toPlainString()
                    : value instanceof Number || value instanceof Boolean ? value.toString()
                    : "";
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }
}
