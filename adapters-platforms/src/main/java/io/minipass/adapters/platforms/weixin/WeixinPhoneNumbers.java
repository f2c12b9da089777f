package io.minipass.adapters.platforms.weixin;

import io.minipass.adapters.platforms.crypto.DecryptedPhoneNumbers;
import io.minipass.domain.user.PhoneProof;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

/**
 * The mobile WeChat vouches for: the phone button's one-time {@code code} traded with WeChat's server API, or,
 * from older clients, {@code encrypted_data} + {@code iv} opened like profile data (docs/platforms.md#phone-numbers).
 */
final class WeixinPhoneNumbers implements VerifyPhoneNumberPort {
    static final String NO_CODE = "code为空";

    private final WechatPhoneNumbers api;
    private final DecryptedPhoneNumbers legacy;

    WeixinPhoneNumbers(WechatPhoneNumbers api, DecryptedPhoneNumbers legacy) {
        this.api = api;
        this.legacy = legacy;
    }

    @Override
    public String verifiedMobile(Platform platform, OpenId openId, PhoneProof proof) {
        if (!proof.code().isEmpty()) {
            return api.phoneNumber(proof.code());
        }
        if (proof.encryptedData().isEmpty()) {
            throw new InvalidInputException(NO_CODE);
        }
        return legacy.verifiedMobile(platform, openId, proof);
    }
}
