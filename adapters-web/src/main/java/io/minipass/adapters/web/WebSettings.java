package io.minipass.adapters.web;

import java.time.ZoneId;

/**
 * How the API presents users.
 *
 * @param timeZone               the shop's time zone for {@code *_time_text} (default Asia/Shanghai)
 * @param defaultAvatarUrl       shown for users without an avatar; null or empty derives the shop's ShopXO default
 *                               from the request: {@code /static/index/default/images/default-user-avatar.jpg} (v2),
 *                               {@code /static/common/images/default-user-avatar-md.png} (v3 and later)
 * @param mandatoryMobileBinding the shop requires a verified mobile ({@code is_mandatory_bind_mobile})
 */
public record WebSettings(ZoneId timeZone, String defaultAvatarUrl, boolean mandatoryMobileBinding) {
    public static final ZoneId SHOP_TIME_ZONE = ZoneId.of("Asia/Shanghai");

    public WebSettings {
        timeZone = timeZone == null ? SHOP_TIME_ZONE : timeZone;
        defaultAvatarUrl = defaultAvatarUrl == null ? "" : defaultAvatarUrl.trim();
    }
}
