package io.minipass.adapters.platforms.weixin;

import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.adapters.platforms.crypto.DecryptedPhoneNumbers;
import io.minipass.domain.user.PhoneProof;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;

/**
 * The mobile WeChat vouches for: the phone button's one-time {@code code} traded with WeChat's server API, or,
 * from older clients, {@code encrypted_data} + {@code iv} opened like profile data (docs/platforms.md#phone-numbers).
 */
record WeixinPhoneNumbers(WechatPhoneNumbers api, DecryptedPhoneNumbers legacy) implements PlatformParts.PhoneNumbers {
    private static final String NO_CODE = "code为空";

    @Override
    public String verifiedMobile(OpenId openId, PhoneProof proof) {
        if (!proof.code().isEmpty()) {
            return api.phoneNumber(proof.code());
        }
        if (proof.encryptedData().isEmpty()) {
            throw new InvalidInputException(NO_CODE);
        }
        return legacy.verifiedMobile(openId, proof);
    }
}
