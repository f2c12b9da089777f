package io.minipass.domain.user;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserTest {
    private static final Channel QQ_ROW = new Channel("h5", "qq");

    static User user(String username, String nickname, String mobile, String email) {
        return new User(new UserId(9), new PlatformIdentities(Map.of(Platform.QQ, "q-1"), Map.of(), ""),
                UserStatus.NORMAL, "t-1", username, nickname, mobile, email, Gender.MALE, "a", "p", "c", 5, "addr",
                10, 2, 3, 0, 100, 200, "8888", "county", 0, true, QQ_ROW);
    }

    @Test
    void absent_texts_read_as_empty_and_absent_gender_and_channel_as_none() {
        User user = new User(new UserId(1), PlatformIdentities.NONE, UserStatus.NORMAL, null, null, null, null, null,
                null, null, null, null, 0, null, 0, 0, 0, 0, 0, 0, null, null, 0, false, null);

        assertThat(user).isEqualTo(new User(new UserId(1), PlatformIdentities.NONE, UserStatus.NORMAL, "", "", "", "",
                "", Gender.SECRET, "", "", "", 0, "", 0, 0, 0, 0, 0, 0, "", "", 0, false, Channel.NONE));
    }

    @Test
    void keeps_what_it_is_given() {
        User user = user("name", "nick", "13800138000", "a@b.cn");

        assertThat(user.token()).isEqualTo("t-1");
        assertThat(user.username()).isEqualTo("name");
        assertThat(user.gender()).isEqualTo(Gender.MALE);
        assertThat(user.county()).isEqualTo("county");
        assertThat(user.numberCode()).isEqualTo("8888");
        assertThat(user.channel()).isEqualTo(QQ_ROW);
    }

    @Test
    void is_deleted_when_the_shop_deleted_it_or_its_owner_closed_it() {
        User live = user("", "", "", "");

        assertThat(live.isDeleted()).isFalse();
        assertThat(copy(live, 1, 0).isDeleted()).isTrue();
        assertThat(copy(live, 0, 1).isDeleted()).isTrue();
    }

    @Test
    void a_new_token_changes_only_the_token_and_update_time() {
        User user = user("name", "", "", "");

        assertThat(user.withToken("t-2", 300)).isEqualTo(new User(user.id(), user.identities(), user.status(), "t-2",
                "name", "", "", "", Gender.MALE, "a", "p", "c", 5, "addr", 10, 2, 3, 0, 100, 300, "8888", "county", 0,
                true, QQ_ROW));
    }

    @Test
    void a_bound_openid_joins_the_users_ids_with_a_new_token() {
        User bound = user("name", "", "", "").withOpenId(Platform.WEIXIN, new OpenId("o-1"), "t-2", 300);

        assertThat(bound.identities().openIds()).isEqualTo(Map.of(Platform.QQ, "q-1", Platform.WEIXIN, "o-1"));
        assertThat(bound.token()).isEqualTo("t-2");
        assertThat(bound.updTime()).isEqualTo(300);
        assertThat(bound.username()).isEqualTo("name");
    }

    @Test
    void a_verified_mobile_comes_with_a_new_token() {
        User bound = user("name", "", "", "").withMobile("13800138000", "t-2", 300);

        assertThat(bound.mobile()).isEqualTo("13800138000");
        assertThat(bound.token()).isEqualTo("t-2");
        assertThat(bound.updTime()).isEqualTo(300);
        assertThat(bound.identities()).isEqualTo(user("", "", "", "").identities());
    }

    @Test
    void read_through_a_platform_row_it_has_that_rows_channel_ids_and_token() {
        Channel weixin = new Channel("default", "weixin");
        PlatformIdentities rowIds = new PlatformIdentities(Map.of(Platform.WEIXIN, "o-1"), Map.of(), "");

        User read = user("name", "", "", "").through(weixin, rowIds, "row-token");

        assertThat(read.channel()).isEqualTo(weixin);
        assertThat(read.identities()).isEqualTo(rowIds);
        assertThat(read.token()).isEqualTo("row-token");
        assertThat(read.updTime()).as("unchanged").isEqualTo(200);
    }

    private static User copy(User user, long deleteTime, long logoutTime) {
        return new User(user.id(), user.identities(), user.status(), user.token(), user.username(), user.nickname(),
                user.mobile(), user.email(), user.gender(), user.avatar(), user.province(), user.city(),
                user.birthday(), user.address(), user.integral(), user.lockingIntegral(), user.referrer(), deleteTime,
                user.addTime(), user.updTime(), user.numberCode(), user.county(), logoutTime, user.passwordSet(),
                user.channel());
    }
}
