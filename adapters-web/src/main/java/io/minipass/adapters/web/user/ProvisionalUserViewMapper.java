package io.minipass.adapters.web.user;

import io.minipass.application.port.in.ProvisionalUser;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.UserDisplay;

import java.util.LinkedHashMap;
import java.util.Map;

/** The profile of a user not stored yet, as ShopXO answers it while a mobile must be bound first: no id, no token. */
final class ProvisionalUserViewMapper {
    private final AvatarUrls avatars;

    ProvisionalUserViewMapper(AvatarUrls avatars) {
        this.avatars = avatars;
    }

    Map<String, Object> view(ProvisionalUser user, String baseUrl) {
        String platform = user.identity().platform().clientType();
        Profile profile = user.profile();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put(platform + "_openid", user.identity().openId().value());
        view.put("nickname", profile.nickname());
        view.put("avatar", avatars.shown(profile.avatar(), baseUrl));
        view.put("gender", Integer.toString(profile.gender().code()));
        view.put("province", profile.province());
        view.put("city", profile.city());
        view.put("mobile", "");
        view.put("referrer", Long.toString(user.referrer()));
        user.identity().unionId().ifPresent(unionId -> view.put(platform + "_unionid", unionId.value()));
        view.put("gender_text", profile.gender().text());
        view.put("mobile_security", "");
        view.put("user_name_view", UserDisplay.displayName("", profile.nickname(), "", ""));
        view.put("is_mandatory_bind_mobile", 1);
        return view;
    }
}
