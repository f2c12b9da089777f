package io.minipass.adapters.platforms.alipay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Alipay's RSA2 signatures: SHA256withRSA over UTF-8 text, base64. A request is signed over its parameters
 * except {@code sign}, empty values dropped, sorted by name, {@code k=v} joined by {@code &} with raw values
 * ({@code sign_type} included, as the open API SDK does).
 */
public final class AlipaySignature {
    private static final String ALGORITHM = "SHA256withRSA";

    private AlipaySignature() {
    }

    /** The text a request's signature covers. */
    public static String content(Map<String, String> params) {
        StringJoiner content = new StringJoiner("&");
        new TreeMap<>(params).forEach((name, value) -> {
            if (!name.equals("sign") && value != null && !value.isEmpty()) {
                content.add(name + "=" + value);
            }
        });
        return content.toString();
    }

    public static String sign(String content, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the Alipay app key", e);
        }
    }

    /** False for a wrong signature and for one that is not even base64. */
    public static boolean verify(String content, String base64Signature, PublicKey key) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getMimeDecoder().decode(base64Signature));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
