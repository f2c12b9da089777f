package io.minipass.adapters.platforms.common;

import io.minipass.domain.user.PhoneProof;
import io.minipass.application.port.out.LoginSession;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;

import java.util.Objects;

/**
 * One platform's adapters, each serving that platform only: they take no platform, the module's entry point
 * ({@code Platforms}) having routed the call to them.
 *
 * @param sessionKeyBytes how long its session keys are (the development gateway makes fake ones this long)
 */
public record PlatformParts(Login login, UserData userData, PhoneNumbers phoneNumbers, int sessionKeyBytes) {
    public PlatformParts {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(userData, "userData");
        Objects.requireNonNull(phoneNumbers, "phoneNumbers");
    }

    /** The platform's login-code exchange ({@code ExchangeLoginCodePort} for one platform). */
    @FunctionalInterface
    public interface Login {
        LoginSession exchange(String code);
    }

    /** The platform's sealed profile data ({@code DecryptUserDataPort} for one platform). */
    @FunctionalInterface
    public interface UserData {
        Profile decryptProfile(OpenId openId, String encryptedData, String iv);
    }

    /** The mobile the platform vouches for ({@code VerifyPhoneNumberPort} for one platform). */
    @FunctionalInterface
    public interface PhoneNumbers {
        String verifiedMobile(OpenId openId, PhoneProof proof);
    }

    /**
     * A platform that only exchanges login codes: no sealed data, no phone binding, 16-byte session keys that
     * open nothing here.
     */
    public static PlatformParts loginOnly(PlatformContext context, Login login) {
        return new PlatformParts(login, noUserData(context.platform()), noPhoneBinding(context.platform()), 16);
    }

    /** For a platform whose clients send no sealed user data: {@code 支付宝小程序不支持加密数据解密}. */
    public static UserData noUserData(Platform platform) {
        return (openId, encryptedData, iv) -> {
            throw new InvalidInputException(PlatformNames.miniProgramOf(platform) + "不支持加密数据解密");
        };
    }

    /** For a platform that cannot vouch for a phone number here: {@code QQ小程序暂不支持手机号一键绑定}. */
    public static PhoneNumbers noPhoneBinding(Platform platform) {
        return (openId, proof) -> {
            throw new InvalidInputException(PlatformNames.miniProgramOf(platform) + "暂不支持手机号一键绑定");
        };
    }
}
