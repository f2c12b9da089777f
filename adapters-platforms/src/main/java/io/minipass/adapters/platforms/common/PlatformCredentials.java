package io.minipass.adapters.platforms.common;

import java.util.ArrayList;
import java.util.List;

/**
 * An app id and its secret as a platform issues them (WeChat, QQ, Toutiao, Kuaishou).
 * Either may be empty when the shop has not configured the platform; {@link #toString()} never shows the secret.
 */
public record PlatformCredentials(String appId, String appSecret) {
    public static final PlatformCredentials NONE = new PlatformCredentials("", "");

    public PlatformCredentials {
        appId = appId == null ? "" : appId.trim();
        appSecret = appSecret == null ? "" : appSecret.trim();
    }

    /** The names (as given) of the parts that are missing; empty when the platform can be called. */
    public List<String> missing(String appIdName, String appSecretName) {
        List<String> missing = new ArrayList<>();
        if (appId.isEmpty()) {
            missing.add(appIdName);
        }
        if (appSecret.isEmpty()) {
            missing.add(appSecretName);
        }
        return missing;
    }

    @Override
    public String toString() {
        return "PlatformCredentials[appId=" + appId + ", appSecret=" + (appSecret.isEmpty() ? "" : "***") + "]";
    }
}
