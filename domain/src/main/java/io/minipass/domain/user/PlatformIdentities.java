package io.minipass.domain.user;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The platform ids bound to one user: at most one openid and one unionid per platform.
 * {@code weixinWebOpenid} belongs to ShopXO's web login; it is kept as found.
 */
public record PlatformIdentities(Map<Platform, String> openIds, Map<Platform, String> unionIds, String weixinWebOpenid) {
    public static final PlatformIdentities NONE = new PlatformIdentities(Map.of(), Map.of(), "");

    public PlatformIdentities {
        openIds = copyWithoutEmpty(openIds);
        unionIds = copyWithoutEmpty(unionIds);
        weixinWebOpenid = weixinWebOpenid == null ? "" : weixinWebOpenid;
    }

    public static PlatformIdentities of(Platform platform, OpenId openId, Optional<UnionId> unionId) {
        Map<Platform, String> unionIds = new EnumMap<>(Platform.class);
        unionId.ifPresent(id -> unionIds.put(platform, id.value()));
        return new PlatformIdentities(Map.of(platform, openId.value()), unionIds, "");
    }

    /** The stored openid of a platform, empty string when none. */
    public String openId(Platform platform) {
        return openIds.getOrDefault(platform, "");
    }

    /** The stored unionid of a platform, empty string when none. */
    public String unionId(Platform platform) {
        return unionIds.getOrDefault(platform, "");
    }

    public PlatformIdentities withOpenId(Platform platform, OpenId openId) {
        Map<Platform, String> copy = new EnumMap<>(Platform.class);
        copy.putAll(openIds);
        copy.put(platform, openId.value());
        return new PlatformIdentities(copy, unionIds, weixinWebOpenid);
    }

    private static Map<Platform, String> copyWithoutEmpty(Map<Platform, String> ids) {
        Map<Platform, String> copy = new EnumMap<>(Platform.class);
        if (ids != null) {
            ids.forEach((platform, id) -> {
                if (id != null && !id.isEmpty()) {
                    copy.put(platform, id);
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }
}
