package io.minipass.domain.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserStatusTest {

    @Test
    void normal_and_muted_users_may_log_in() {
        assertThat(UserStatus.NORMAL.loginRefusal()).isEmpty();
        assertThat(UserStatus.MUTED.loginRefusal()).isEmpty();
    }

    @Test
    void banned_unaudited_and_unknown_statuses_may_not() {
        assertThat(UserStatus.BANNED.loginRefusal()).contains(LoginRefusal.BANNED);
        assertThat(UserStatus.AWAITING_AUDIT.loginRefusal()).contains(LoginRefusal.AWAITING_AUDIT);
        assertThat(new UserStatus(9).loginRefusal()).contains(LoginRefusal.UNKNOWN_STATUS);
        assertThat(LoginRefusal.BANNED.message()).isEqualTo("用户被禁止登录");
        assertThat(LoginRefusal.AWAITING_AUDIT.message()).isEqualTo("用户等待审核中");
    }

    @Test
    void platforms_match_client_types_loosely() {
        assertThat(Platform.fromClientType(" WeiXin ")).contains(Platform.WEIXIN);
        assertThat(Platform.fromClientType("kuaishou")).contains(Platform.KUAISHOU);
        assertThat(Platform.fromClientType("pc")).isEmpty();
        assertThat(Platform.fromClientType(null)).isEmpty();
    }
}
