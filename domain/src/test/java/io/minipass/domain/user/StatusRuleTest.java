package io.minipass.domain.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusRuleTest {

    @Test
    void shopxo_v2_lets_a_muted_user_log_in_and_binds_by_unionid_only_to_a_user_in_good_standing() {
        StatusRule v2 = StatusRule.MUTED_MAY_LOG_IN;

        assertThat(v2.loginRefusal(UserStatus.NORMAL)).isEmpty();
        assertThat(v2.loginRefusal(UserStatus.MUTED)).isEmpty();
        assertThat(v2.loginRefusal(UserStatus.BANNED)).contains(LoginRefusal.BANNED);
        assertThat(v2.unionIdBindingRefusal(UserStatus.NORMAL)).isEmpty();
        assertThat(v2.unionIdBindingRefusal(UserStatus.MUTED)).contains(LoginRefusal.NOT_AUDITED);
        assertThat(v2.unionIdBindingRefusal(UserStatus.BANNED)).contains(LoginRefusal.NOT_AUDITED);
    }

    @Test
    void shopxo_v3_and_later_let_only_status_0_in_and_say_why_by_the_status_on_every_path() {
        StatusRule v6 = StatusRule.ONLY_NORMAL;

        assertThat(v6.loginRefusal(UserStatus.NORMAL)).isEmpty();
        assertThat(v6.loginRefusal(UserStatus.MUTED)).contains(LoginRefusal.MUTED);
        assertThat(v6.loginRefusal(UserStatus.BANNED)).contains(LoginRefusal.BANNED);
        assertThat(v6.loginRefusal(UserStatus.AWAITING_AUDIT)).contains(LoginRefusal.AWAITING_AUDIT);
        assertThat(v6.loginRefusal(new UserStatus(7))).contains(LoginRefusal.UNKNOWN_STATUS);
        assertThat(v6.unionIdBindingRefusal(UserStatus.NORMAL)).isEmpty();
        assertThat(v6.unionIdBindingRefusal(UserStatus.MUTED)).contains(LoginRefusal.MUTED);
        assertThat(v6.unionIdBindingRefusal(UserStatus.AWAITING_AUDIT)).contains(LoginRefusal.AWAITING_AUDIT);
        assertThat(LoginRefusal.MUTED.message()).isEqualTo("用户被禁止发言");
    }
}
