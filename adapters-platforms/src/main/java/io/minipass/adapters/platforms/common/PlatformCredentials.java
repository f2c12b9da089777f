package io.minipass.adapters.platforms.common;

import java.util.ArrayList;
import java.util.List;

/**
 * What the shop configured for its app on one platform. Each platform uses the parts it needs (WeChat, QQ,
 * Toutiao, Kuaishou: app id + secret; Baidu: App Key + secret, the App Key also closing its encrypted data;
 * Alipay: app id + the app's RSA private key + Alipay's RSA public key) and says which are missing.
 * Any part may be empty; {@link #toString()} never shows the secret or the private key.
 */
public record PlatformCredentials(String appId, String appSecret, String appKey, String privateKey, String publicKey) {
    public static final PlatformCredentials NONE = new PlatformCredentials("", "");

    public PlatformCredentials {
        appId = trimmed(appId);
        appSecret = trimmed(appSecret);
        appKey = trimmed(appKey);
        privateKey = trimmed(privateKey);
        publicKey = trimmed(publicKey);
    }

    /** An app id and its secret, as most platforms issue them. */
    public PlatformCredentials(String appId, String appSecret) {
        this(appId, appSecret, "", "", "");
    }

    /**
     * The names of the parts that are empty, e.g. {@code missing(APP_ID, "appid", SECRET, "secret")}.
     *
     * @param partsAndNames pairs of a part's value and its name as messages show it
     */
    public static List<String> missing(String... partsAndNames) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i + 1 < partsAndNames.length; i += 2) {
            if (partsAndNames[i].isEmpty()) {
                missing.add(partsAndNames[i + 1]);
            }
        }
        return missing;
    }

    /** The names (as given) of the app id and secret when they are missing; empty when both are there. */
    public List<String> missing(String appIdName, String appSecretName) {
        return missing(appId, appIdName, appSecret, appSecretName);
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    @Override
    public String toString() {
        return "PlatformCredentials[appId=" + appId + ", appSecret=" + (appSecret.isEmpty() ? "" : "***")
                + ", appKey=" + appKey + ", privateKey=" + (privateKey.isEmpty() ? "" : "***")
                + ", publicKey=" + (publicKey.isEmpty() ? "" : "(set)") + "]";
    }
}
