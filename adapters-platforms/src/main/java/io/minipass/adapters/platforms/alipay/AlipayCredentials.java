package io.minipass.adapters.platforms.alipay;

import java.util.ArrayList;
import java.util.List;

/**
 * An Alipay app's id and keys: the app's RSA private key (PEM or bare base64, PKCS#8 or PKCS#1) that signs
 * requests, and Alipay's RSA public key (PEM or bare base64 X.509) that checks answers.
 * {@link #toString()} never shows the private key.
 */
public record AlipayCredentials(String appId, String appPrivateKey, String alipayPublicKey) {
    public static final AlipayCredentials NONE = new AlipayCredentials("", "", "");

    public AlipayCredentials {
        appId = appId == null ? "" : appId.trim();
        appPrivateKey = appPrivateKey == null ? "" : appPrivateKey.trim();
        alipayPublicKey = alipayPublicKey == null ? "" : alipayPublicKey.trim();
    }

    /** What is missing; empty when Alipay can be called. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (appId.isEmpty()) {
            missing.add("app_id");
        }
        if (appPrivateKey.isEmpty()) {
            missing.add("app_private_key");
        }
        if (alipayPublicKey.isEmpty()) {
            missing.add("alipay_public_key");
        }
        return missing;
    }

    @Override
    public String toString() {
        return "AlipayCredentials[appId=" + appId + ", appPrivateKey=" + (appPrivateKey.isEmpty() ? "" : "***")
                + ", alipayPublicKey=" + (alipayPublicKey.isEmpty() ? "" : "(set)") + "]";
    }
}
