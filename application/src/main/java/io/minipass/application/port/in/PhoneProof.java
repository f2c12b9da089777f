package io.minipass.application.port.in;

/**
 * What a client sends to prove a mobile number: WeChat a one-time {@code code} from the phone button,
 * other platforms {@code encrypted_data} + {@code iv}. Absent parts are empty strings.
 */
public record PhoneProof(String code, String encryptedData, String iv) {
    public PhoneProof {
        code = code == null ? "" : code;
        encryptedData = encryptedData == null ? "" : encryptedData;
        iv = iv == null ? "" : iv;
    }
}
