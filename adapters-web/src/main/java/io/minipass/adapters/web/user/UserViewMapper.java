package io.minipass.adapters.web.user;

import io.minipass.adapters.web.WebSettings;
import io.minipass.application.port.in.ProvisionalUser;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserDisplay;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user as ShopXO v2.2's API shows it (docs/contract.md#user-view): the stored columns as strings, in the seed's order,
 * then the derived texts. Never the password columns.
 */
public final class UserViewMapper {
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;
    private final AvatarUrls avatars;
    private final int mandatoryMobileBinding;
    private final ProvisionalUserViewMapper provisional;

    public UserViewMapper(WebSettings settings) {
        this.dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(settings.timeZone());
        this.date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(settings.timeZone());
        this.avatars = new AvatarUrls(settings.defaultAvatarUrl());
        this.mandatoryMobileBinding = settings.mandatoryMobileBinding() ? 1 : 0;
        this.provisional = new ProvisionalUserViewMapper(avatars);
    }

    /**
     * @param baseUrl {@code scheme://host[:port]} of the request, for avatars stored as paths
     * @return a new ordered map the caller may extend (e.g. with {@code is_user_exist})
     */
    public Map<String, Object> view(User user, String baseUrl) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", Long.toString(user.id().value()));
        view.put("alipay_openid", user.identities().openId(Platform.ALIPAY));
        view.put("weixin_openid", user.identities().openId(Platform.WEIXIN));
        view.put("weixin_unionid", user.identities().unionId(Platform.WEIXIN));
        view.put("weixin_web_openid", user.identities().weixinWebOpenid());
        view.put("baidu_openid", user.identities().openId(Platform.BAIDU));
        view.put("toutiao_openid", user.identities().openId(Platform.TOUTIAO));
        view.put("qq_openid", user.identities().openId(Platform.QQ));
        view.put("qq_unionid", user.identities().unionId(Platform.QQ));
        view.put("status", Integer.toString(user.status().code()));
        view.put("token", user.token());
        view.put("username", user.username());
        view.put("nickname", user.nickname());
        view.put("mobile", user.mobile());
        view.put("email", user.email());
        view.put("gender", Integer.toString(user.gender().code()));
        view.put("avatar", avatars.shown(user.avatar(), baseUrl));
        view.put("province", user.province());
        view.put("city", user.city());
        view.put("birthday", Long.toString(user.birthday()));
        view.put("address", user.address());
        view.put("integral", Long.toString(user.integral()));
        view.put("locking_integral", Long.toString(user.lockingIntegral()));
        view.put("referrer", Long.toString(user.referrer()));
        view.put("is_delete_time", Long.toString(user.deleteTime()));
        view.put("add_time", Long.toString(user.addTime()));
        view.put("upd_time", Long.toString(user.updTime()));
        view.put("add_time_text", dateTime.format(Instant.ofEpochSecond(user.addTime())));
        view.put("upd_time_text", dateTime.format(Instant.ofEpochSecond(user.updTime())));
        view.put("gender_text", user.gender().text());
        view.put("birthday_text", user.birthday() == 0 ? "" : date.format(Instant.ofEpochSecond(user.birthday())));
        view.put("mobile_security", UserDisplay.mask(user.mobile()));
        view.put("email_security", UserDisplay.mask(user.email()));
        view.put("user_name_view", UserDisplay.displayName(user));
        view.put("is_mandatory_bind_mobile", mandatoryMobileBinding);
        return view;
    }

    /** The unsaved user a shop with mandatory mobile binding shows until the mobile is bound (docs/contract.md#mandatory-mobile-binding). */
    public Map<String, Object> provisionalView(ProvisionalUser user, String baseUrl) {
        return provisional.view(user, baseUrl);
    }
}
