package io.minipass.adapters.web.user;

import io.minipass.application.port.in.ProvisionalUser;
import io.minipass.domain.user.Profile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user not stored yet, as ShopXO v3 and later answer it while a mobile must be bound first: the row it would
 * insert, no id, no token. The avatar is the value it would store, not a URL made from it.
 */
final class ShopxoV6ProvisionalUserViewMapper {
    private ShopxoV6ProvisionalUserViewMapper() {
    }

    static Map<String, Object> view(ProvisionalUser user) {
        String platform = user.identity().platform().clientType();
        Profile profile = user.profile();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put(platform + "_openid", user.identity().openId().value());
        view.put("nickname", profile.nickname());
        view.put("avatar", profile.avatar());
        view.put("gender", profile.gender().code());
        view.put("province", profile.province());
        view.put("city", profile.city());
        view.put("county", "");
        view.put("mobile", "");
        view.put("referrer", user.referrer());
        user.identity().unionId().ifPresent(unionId -> view.put(platform + "_unionid", unionId.value()));
        view.put("is_mandatory_bind_mobile", 1);
        return view;
    }
}
