package io.minipass.adapters.web.user;

import java.util.Locale;

/**
 * Where a user's avatar is shown from: a stored URL as it is, a stored path on the shop's own host,
 * and no avatar as the shop's default one.
 */
final class AvatarUrls {
    static final String DEFAULT_AVATAR_PATH = "/static/index/default/images/default-user-avatar.jpg";
    /** Where ShopXO v3 and later keep their default avatar. */
    static final String V6_DEFAULT_AVATAR_PATH = "/static/common/images/default-user-avatar-md.png";

    private final String defaultAvatarUrl;

    /** @param defaultAvatarUrl a URL or a path on the shop's host; empty for {@link #DEFAULT_AVATAR_PATH} */
    AvatarUrls(String defaultAvatarUrl) {
        this(defaultAvatarUrl, DEFAULT_AVATAR_PATH);
    }

    /**
     * @param defaultAvatarUrl a URL or a path on the shop's host; empty for {@code shopDefaultPath}
     * @param shopDefaultPath  where the shop's ShopXO keeps its default avatar
     */
    AvatarUrls(String defaultAvatarUrl, String shopDefaultPath) {
        this.defaultAvatarUrl = defaultAvatarUrl == null || defaultAvatarUrl.isBlank() ? shopDefaultPath : defaultAvatarUrl;
    }

    String shown(String storedAvatar, String baseUrl) {
        String avatar = storedAvatar == null || storedAvatar.isBlank() ? defaultAvatarUrl : storedAvatar;
        return isAbsolute(avatar) ? avatar : baseUrl + (avatar.startsWith("/") ? "" : "/") + avatar;
    }

    private static boolean isAbsolute(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//");
    }
}
