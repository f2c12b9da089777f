package io.minipass.adapters.platforms.crypto;

import io.minipass.adapters.platforms.common.PlatformJson;
import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.domain.user.PhoneProof;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;

import java.util.Map;
import java.util.Objects;

/**
 * A phone number sent as sealed data ({@code encrypted_data} + {@code iv}), opened like profile data but with
 * the watermark required on every platform that has one (docs/platforms.md#phone-numbers).
 */
public final class DecryptedPhoneNumbers implements PlatformParts.PhoneNumbers {
    private static final String NO_MOBILE = "手机号码为空";

    private final UserDataDecryptor decryptor;
    private final String[] fields;

    /** @param fields where the number is, the first non-blank one wins */
    public DecryptedPhoneNumbers(UserDataDecryptor decryptor, String... fields) {
        this.decryptor = Objects.requireNonNull(decryptor, "decryptor");
        this.fields = fields.clone();
    }

    @Override
    public String verifiedMobile(OpenId openId, PhoneProof proof) {
        if (proof.encryptedData().isEmpty()) {
            throw new InvalidInputException(DecryptionFailures.NO_ENCRYPTED_DATA);
        }
        if (proof.iv().isEmpty()) {
            throw new InvalidInputException(DecryptionFailures.NO_IV);
        }
        Map<String, Object> payload = decryptor.decrypt(openId, proof.encryptedData(), proof.iv(), WatermarkCheck.REQUIRED);
        String mobile = PlatformJson.firstText(payload, fields);
        if (mobile.isEmpty()) {
            throw new InvalidInputException(NO_MOBILE);
        }
        return mobile;
    }
}
