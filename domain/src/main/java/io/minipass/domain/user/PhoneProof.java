package io.minipass.domain.user;

/**
 * What a client sends to prove a mobile number: WeChat a one-time {@code code} from the phone button,
 * other platforms {@code encrypted_data} + {@code iv}. Absent parts are empty strings.
 *
 * <p>A part longer than any platform sends is refused here, before anything reaches a platform
 * (docs/security.md#phone-verification): WeChat's button code is 64 characters, a sealed phone payload (WeChat,
 * Toutiao, Baidu) about 200 characters of base64, an iv 24; the caps leave room several times over.
 */
public record PhoneProof(String code, String encryptedData, String iv) {
    public static final String TOO_LONG = "手机号码授权数据过长";
    static final int MAX_CODE_LENGTH = 256;
    static final int MAX_ENCRYPTED_DATA_LENGTH = 2048;
    static final int MAX_IV_LENGTH = 64;

    /** @throws InvalidInputException ({@value #TOO_LONG}) when a part is longer than its cap */
    public PhoneProof {
        code = capped(code, MAX_CODE_LENGTH);
        encryptedData = capped(encryptedData, MAX_ENCRYPTED_DATA_LENGTH);
        iv = capped(iv, MAX_IV_LENGTH);
    }

    private static String capped(String part, int maxLength) {
        if (part == null) {
            return "";
        }
        if (part.length() > maxLength) {
            throw new InvalidInputException(TOO_LONG);
        }
        return part;
    }
}
