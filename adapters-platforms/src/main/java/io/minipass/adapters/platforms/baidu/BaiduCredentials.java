package io.minipass.adapters.platforms.baidu;

import java.util.ArrayList;
import java.util.List;

/**
 * A Baidu smart program's keys. The code exchange is signed in with the App Key (not the App ID) and the
 * App Secret; the App Key also closes every encrypted payload. {@link #toString()} never shows the secret.
 */
public record BaiduCredentials(String appId, String appKey, String appSecret) {
    public static final BaiduCredentials NONE = new BaiduCredentials("", "", "");

    public BaiduCredentials {
        appId = appId == null ? "" : appId.trim();
        appKey = appKey == null ? "" : appKey.trim();
        appSecret = appSecret == null ? "" : appSecret.trim();
    }

    /** What the code exchange needs and is missing; empty when it can be called. */
    public List<String> missingForLogin() {
        List<String> missing = new ArrayList<>();
        if (appKey.isEmpty()) {
            missing.add("appkey");
        }
        if (appSecret.isEmpty()) {
            missing.add("secret");
        }
        return missing;
    }

    @Override
    public String toString() {
        return "BaiduCredentials[appId=" + appId + ", appKey=" + appKey + ", appSecret="
                + (appSecret.isEmpty() ? "" : "***") + "]";
    }
}
