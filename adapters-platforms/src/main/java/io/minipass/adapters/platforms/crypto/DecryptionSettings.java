package io.minipass.adapters.platforms.crypto;

import io.minipass.domain.user.Platform;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What opening a platform's encrypted user data checks against: the shop's app id on each platform
 * (WeChat, QQ and Toutiao seal it into a {@code watermark}) and Baidu's App Key (Baidu appends it to
 * the plaintext). Blank values count as not configured.
 */
public record DecryptionSettings(Map<Platform, String> appIds, String baiduAppKey) {

    public DecryptionSettings {
        Map<Platform, String> copy = new EnumMap<>(Platform.class);
        if (appIds != null) {
            appIds.forEach((platform, appId) -> {
                if (platform != null && appId != null && !appId.isBlank()) {
                    copy.put(platform, appId);
                }
            });
        }
        appIds = Collections.unmodifiableMap(copy);
        baiduAppKey = baiduAppKey == null || baiduAppKey.isBlank() ? "" : baiduAppKey;
    }

    public Optional<String> appId(Platform platform) {
        return Optional.ofNullable(appIds.get(platform));
    }

    public Optional<String> baiduKey() {
        return baiduAppKey.isEmpty() ? Optional.empty() : Optional.of(baiduAppKey);
    }

    @Override
    public String toString() {
        return "DecryptionSettings[appIds=" + appIds + ", baiduAppKey=" + (baiduAppKey.isEmpty() ? "" : "***") + "]";
    }
}
