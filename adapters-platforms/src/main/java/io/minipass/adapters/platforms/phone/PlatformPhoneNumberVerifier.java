package io.minipass.adapters.platforms.phone;

import io.minipass.adapters.platforms.common.PlatformCallLimit;
import io.minipass.adapters.platforms.common.PlatformHttp;
import io.minipass.adapters.platforms.common.PlatformJson;
import io.minipass.adapters.platforms.common.PlatformNames;
import io.minipass.adapters.platforms.crypto.PlatformUserDataDecryptor;
import io.minipass.adapters.platforms.crypto.WatermarkCheck;
import io.minipass.application.port.out.PhoneProof;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The mobile number a platform vouches for. WeChat: the phone button's one-time {@code code} traded
 * with WeChat's server API, or, from older clients, {@code encrypted_data} + {@code iv} opened like
 * profile data. Toutiao and Baidu: {@code encrypted_data} + {@code iv} opened with the openid's session
 * key. QQ, Kuaishou and Alipay: not supported (no API found, or a scheme this service does not implement).
 */
public final class PlatformPhoneNumberVerifier implements VerifyPhoneNumberPort {
    static final String NO_CODE = "code为空";
    static final String NO_ENCRYPTED_DATA = "解密数据为空";
    static final String NO_IV = "iv为空,请重试";
    static final String NO_MOBILE = "手机号码为空";

    private final WechatPhoneNumbers wechat;
    private final PlatformUserDataDecryptor decryptor;

    public PlatformPhoneNumberVerifier(WechatApiSettings wechatSettings, HttpClient httpClient,
                                       PlatformUserDataDecryptor decryptor) {
        this(wechatSettings, httpClient, decryptor, Clock.systemUTC());
    }

    public PlatformPhoneNumberVerifier(WechatApiSettings wechatSettings, HttpClient httpClient,
                                       PlatformUserDataDecryptor decryptor, Clock clock) {
        this(wechatSettings, httpClient, decryptor, clock, new PlatformCallLimit(PlatformCallLimit.DEFAULT_MAX_CONCURRENT));
    }

    /** @param limit how many platform calls may be in flight at once, shared with the login gateways */
    public PlatformPhoneNumberVerifier(WechatApiSettings wechatSettings, HttpClient httpClient,
                                       PlatformUserDataDecryptor decryptor, Clock clock, PlatformCallLimit limit) {
        Objects.requireNonNull(wechatSettings, "wechatSettings");
        Objects.requireNonNull(httpClient, "httpClient");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(limit, "limit");
        this.decryptor = Objects.requireNonNull(decryptor, "decryptor");
        PlatformHttp http = new PlatformHttp(httpClient, wechatSettings.timeout(), limit).forServerApi();
        this.wechat = new WechatPhoneNumbers(wechatSettings, http, new WechatAccessTokens(wechatSettings, http, clock));
    }

    @Override
    public String verifiedMobile(Platform platform, OpenId openId, PhoneProof proof) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(proof, "proof");
        return switch (platform) {
            case WEIXIN -> wechat(openId, proof);
            case TOUTIAO -> decrypted(platform, openId, proof, "purePhoneNumber", "phoneNumber");
            case BAIDU -> decrypted(platform, openId, proof, "mobile");
            case QQ, KUAISHOU, ALIPAY -> throw new InvalidInputException(
                    PlatformNames.of(platform) + "小程序暂不支持手机号一键绑定");
        };
    }

    private String wechat(OpenId openId, PhoneProof proof) {
        if (!proof.code().isEmpty()) {
            return wechat.phoneNumber(proof.code());
        }
        if (proof.encryptedData().isEmpty()) {
            throw new InvalidInputException(NO_CODE);
        }
        return decrypted(Platform.WEIXIN, openId, proof, "purePhoneNumber", "phoneNumber");
    }

    /** Phone data must carry the shop's watermark on every platform that has one (Toutiao included). */
    private String decrypted(Platform platform, OpenId openId, PhoneProof proof, String... fields) {
        if (proof.encryptedData().isEmpty()) {
            throw new InvalidInputException(NO_ENCRYPTED_DATA);
        }
        if (proof.iv().isEmpty()) {
            throw new InvalidInputException(NO_IV);
        }
        Map<String, Object> payload = decryptor.decrypt(platform, openId, proof.encryptedData(), proof.iv(),
                WatermarkCheck.REQUIRED);
        String mobile = PlatformJson.firstText(payload, fields);
        if (mobile.isEmpty()) {
            throw new InvalidInputException(NO_MOBILE);
        }
        return mobile;
    }
}
