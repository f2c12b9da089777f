package io.minipass.adapters.web.user;

import io.minipass.adapters.web.WebSettings;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserDisplay;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user as ShopXO v3 and later show it: the user's columns with integers as JSON numbers, the platform row it
 * logged in through (system type, platform, token, ids), then the derived texts. Never the password columns.
 */
final class ShopxoV6UserViewMapper {
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;
    private final AvatarUrls avatars;
    private final int mandatoryMobileBinding;

    ShopxoV6UserViewMapper(WebSettings settings) {
        this.dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(settings.timeZone());
        this.date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(settings.timeZone());
        this.avatars = new AvatarUrls(settings.defaultAvatarUrl(), AvatarUrls.V6_DEFAULT_AVATAR_PATH);
        this.mandatoryMobileBinding = settings.mandatoryMobileBinding() ? 1 : 0;
    }

    /** What a login answers: the session's view and whether the shop requires a mobile. */
    Map<String, Object> loginView(User user, String baseUrl, Language language) {
        Map<String, Object> view = sessionView(user, baseUrl, language);
        view.put("is_mandatory_bind_mobile", mandatoryMobileBinding);
        return view;
    }

    /**
     * What {@code tokenuserinfo} answers.
     *
     * @param baseUrl {@code scheme://host[:port]} of the request, for avatars stored as paths
     * @return a new ordered map the caller may extend
     */
    Map<String, Object> sessionView(User user, String baseUrl, Language language) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", user.id().value());
        view.put("number_code", user.numberCode());
        view.put("status", user.status().code());
        view.put("username", user.username());
        view.put("nickname", user.nickname());
        view.put("mobile", user.mobile());
        view.put("email", user.email());
        view.put("gender", user.gender().code());
        view.put("avatar", avatars.shown(user.avatar(), baseUrl));
        view.put("province", user.province());
        view.put("city", user.city());
        view.put("county", user.county());
        view.put("birthday", user.birthday() == 0 ? "" : date.format(Instant.ofEpochSecond(user.birthday())));
        view.put("address", user.address());
        view.put("integral", user.integral());
        view.put("locking_integral", user.lockingIntegral());
        view.put("referrer", user.referrer());
        view.put("is_delete_time", user.deleteTime());
        view.put("is_logout_time", user.logoutTime());
        view.put("add_time", user.addTime());
        view.put("upd_time", user.updTime());
        view.put("system_type", user.channel().systemType());
        view.put("platform", user.channel().platform());
        view.put("token", user.token());
        putIds(view, user.identities());
        view.put("add_time_text", dateTime.format(Instant.ofEpochSecond(user.addTime())));
        view.put("upd_time_text", dateTime.format(Instant.ofEpochSecond(user.updTime())));
        view.put("gender_text", genderText(user.gender()).in(language));
        view.put("mobile_security", UserDisplay.mask(user.mobile()));
        view.put("email_security", UserDisplay.mask(user.email()));
        view.put("address_info", user.province() + user.city() + user.county() + user.address());
        // ShopXO v3 and later name a user by the nickname first, v2.2 by the username.
        view.put("user_name_view", UserDisplay.displayName(user.nickname(), user.username(), user.mobile(), user.email()));
        view.put("is_setup_pwd", user.passwordSet() ? 1 : 0);
        return view;
    }

    private static void putIds(Map<String, Object> view, PlatformIdentities ids) {
        view.put("alipay_openid", ids.openId(Platform.ALIPAY));
        view.put("weixin_openid", ids.openId(Platform.WEIXIN));
        view.put("weixin_unionid", ids.unionId(Platform.WEIXIN));
        view.put("weixin_web_openid", ids.weixinWebOpenid());
        view.put("baidu_openid", ids.openId(Platform.BAIDU));
        view.put("toutiao_openid", ids.openId(Platform.TOUTIAO));
        view.put("toutiao_unionid", ids.unionId(Platform.TOUTIAO));
        view.put("qq_openid", ids.openId(Platform.QQ));
        view.put("qq_unionid", ids.unionId(Platform.QQ));
        view.put("kuaishou_openid", ids.openId(Platform.KUAISHOU));
    }

    private static ShopxoText genderText(Gender gender) {
        return switch (gender) {
            case SECRET -> ShopxoText.GENDER_SECRET;
            case FEMALE -> ShopxoText.GENDER_FEMALE;
            case MALE -> ShopxoText.GENDER_MALE;
        };
    }
}
