package io.minipass.adapters.web.user;

import io.minipass.adapters.web.WebAppFixture;
import io.minipass.adapters.web.WebSettings;
import io.minipass.application.port.in.ProvisionalUser;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class UserViewMapperTest {
    static final List<String> SEED_FIELDS = List.of("id", "alipay_openid", "weixin_openid", "weixin_unionid",
            "weixin_web_openid", "baidu_openid", "toutiao_openid", "qq_openid", "qq_unionid", "status", "token",
            "username", "nickname", "mobile", "email", "gender", "avatar", "province", "city", "birthday", "address",
            "integral", "locking_integral", "referrer", "is_delete_time", "add_time", "upd_time", "add_time_text",
            "upd_time_text", "gender_text", "birthday_text", "mobile_security", "email_security", "user_name_view",
            "is_mandatory_bind_mobile");
    private static final String BASE = "https://shop.example.com:8443";

    private final UserViewMapper mapper = new UserViewMapper(WebAppFixture.defaultSettings());

    @Test
    void showsEveryColumnAsTextInTheSeedsOrder() {
        Map<String, Object> view = mapper.view(fullUser(), BASE);

        assertThat(List.copyOf(view.keySet())).isEqualTo(SEED_FIELDS);
        assertThat(view).containsExactly(
                entry("id", "128"),
                entry("alipay_openid", "ali-1"),
                entry("weixin_openid", "wx-1"),
                entry("weixin_unionid", "wxu-1"),
                entry("weixin_web_openid", "web-1"),
                entry("baidu_openid", "bd-1"),
                entry("toutiao_openid", "tt-1"),
                entry("qq_openid", "qq-1"),
                entry("qq_unionid", "qqu-1"),
                entry("status", "1"),
                entry("token", "941c4e29f4ff0fb4420738cff44a7fe2"),
                entry("username", ""),
                entry("nickname", ""),
                entry("mobile", "13800138000"),
                entry("email", "tom@example.com"),
                entry("gender", "2"),
                entry("avatar", "https://cdn.example.com/a.png"),
                entry("province", "广东"),
                entry("city", "深圳"),
                entry("birthday", "946656000"),
                entry("address", "某路 1 号"),
                entry("integral", "20"),
                entry("locking_integral", "5"),
                entry("referrer", "7"),
                entry("is_delete_time", "0"),
                entry("add_time", "1637555366"),
                entry("upd_time", "0"),
                entry("add_time_text", "2021-11-22 12:29:26"),
                entry("upd_time_text", "1970-01-01 08:00:00"),
                entry("gender_text", "男"),
                entry("birthday_text", "2000-01-01"),
                entry("mobile_security", "138***000"),
                entry("email_security", "tom***com"),
                entry("user_name_view", "138***000"),
                entry("is_mandatory_bind_mobile", 0));
    }

    @Test
    void writesTimesInTheShopsTimeZone() {
        Map<String, Object> view = new UserViewMapper(new WebSettings(ZoneId.of("UTC"), "", true)).view(fullUser(), BASE);

        assertThat(view).contains(entry("add_time_text", "2021-11-22 04:29:26"),
                entry("upd_time_text", "1970-01-01 00:00:00"), entry("birthday_text", "1999-12-31"),
                entry("is_mandatory_bind_mobile", 1));
    }

    @Test
    void showsAStoredPathOnTheRequestsHostAndNoAvatarAsTheDefault() {
        assertThat(avatarShown(mapper, "/static/upload/a.png")).isEqualTo(BASE + "/static/upload/a.png");
        assertThat(avatarShown(mapper, "static/upload/a.png")).isEqualTo(BASE + "/static/upload/a.png");
        assertThat(avatarShown(mapper, "HTTP://x.cn/a.png")).isEqualTo("HTTP://x.cn/a.png");
        assertThat(avatarShown(mapper, "")).isEqualTo(BASE + "/static/index/default/images/default-user-avatar.jpg");
    }

    @Test
    void showsTheConfiguredDefaultAvatar() {
        assertThat(avatarShown(new UserViewMapper(new WebSettings(null, "https://cdn.example.com/d.jpg", false)), ""))
                .isEqualTo("https://cdn.example.com/d.jpg");
        assertThat(avatarShown(new UserViewMapper(new WebSettings(null, "/static/d.jpg", false)), ""))
                .isEqualTo(BASE + "/static/d.jpg");
    }

    @Test
    void showsAProvisionalUserWithoutIdOrToken() {
        ProvisionalUser user = new ProvisionalUser(new PlatformIdentity(Platform.QQ, new OpenId("qq-9"),
                Optional.of(new UnionId("qqu-9"))), new Profile("Tom", "", Gender.FEMALE, "P", "C"), 128);

        assertThat(mapper.provisionalView(user, BASE)).containsExactly(
                entry("qq_openid", "qq-9"), entry("nickname", "Tom"),
                entry("avatar", BASE + "/static/index/default/images/default-user-avatar.jpg"),
                entry("gender", "1"), entry("province", "P"), entry("city", "C"), entry("mobile", ""),
                entry("referrer", "128"), entry("qq_unionid", "qqu-9"), entry("gender_text", "女"),
                entry("mobile_security", ""), entry("user_name_view", "Tom"), entry("is_mandatory_bind_mobile", 1));
    }

    /** The avatar URL the view shows for a stored avatar (URL, path on the shop's host, or empty). */
    private static Object avatarShown(UserViewMapper mapper, String storedAvatar) {
        return mapper.view(fullUser(storedAvatar), BASE).get("avatar");
    }

    private static User fullUser() {
        return fullUser("https://cdn.example.com/a.png");
    }

    private static User fullUser(String avatar) {
        PlatformIdentities identities = new PlatformIdentities(
                Map.of(Platform.ALIPAY, "ali-1", Platform.WEIXIN, "wx-1", Platform.BAIDU, "bd-1",
                        Platform.TOUTIAO, "tt-1", Platform.QQ, "qq-1", Platform.KUAISHOU, "ks-1"),
                Map.of(Platform.WEIXIN, "wxu-1", Platform.QQ, "qqu-1"), "web-1");
        return new User(new UserId(128), identities, UserStatus.MUTED, "941c4e29f4ff0fb4420738cff44a7fe2", "", "",
                "13800138000", "tom@example.com", Gender.MALE, avatar, "广东", "深圳",
                946656000L, "某路 1 号", 20, 5, 7, 0, 1637555366L, 0);
    }
}
