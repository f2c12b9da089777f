package io.minipass.adapters.platforms.common;

import io.minipass.application.port.out.DecryptUserDataPort;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.Platform;

import java.util.Objects;

/**
 * One platform's adapters, each serving that platform only.
 *
 * @param sessionKeyBytes how long its session keys are (the development gateway makes fake ones this long)
 */
public record PlatformParts(ExchangeLoginCodePort login, DecryptUserDataPort userData,
                            VerifyPhoneNumberPort phoneNumbers, int sessionKeyBytes) {
    public PlatformParts {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(userData, "userData");
        Objects.requireNonNull(phoneNumbers, "phoneNumbers");
    }

    /** For a platform whose clients send no sealed user data: {@code 支付宝小程序不支持加密数据解密}. */
    public static DecryptUserDataPort noUserData(Platform platform) {
        return (asked, openId, encryptedData, iv) -> {
            throw new InvalidInputException(PlatformNames.miniProgramOf(platform) + "不支持加密数据解密");
        };
    }

    /** For a platform that cannot vouch for a phone number here: {@code QQ小程序暂不支持手机号一键绑定}. */
    public static VerifyPhoneNumberPort noPhoneBinding(Platform platform) {
        return (asked, openId, proof) -> {
            throw new InvalidInputException(PlatformNames.miniProgramOf(platform) + "暂不支持手机号一键绑定");
        };
    }
}
