package io.minipass.domain.referral;

import io.minipass.domain.user.Gender;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReferralRulesTest {
    private final ReferralRules rules = ReferralRules.standard();

    static User user(UserStatus status, long deleteTime) {
        return new User(new UserId(5), PlatformIdentities.NONE, status, "", "", "n", "", "", Gender.SECRET, "", "", "",
                0, "", 0, 0, 0, deleteTime, 1, 0);
    }

    @Test
    void an_active_user_may_refer() {
        assertThat(rules.rejection(Optional.of(user(UserStatus.NORMAL, 0)))).isEmpty();
    }

    @Test
    void nobody_may_not() {
        assertThat(rules.rejection(Optional.empty())).contains("no such user");
    }

    @Test
    void a_deleted_user_may_not() {
        assertThat(rules.rejection(Optional.of(user(UserStatus.NORMAL, 99)))).hasValueSatisfying(r -> assertThat(r).isEqualTo("user 5 is deleted"));
    }

    @Test
    void a_muted_banned_or_unaudited_user_may_not() {
        for (UserStatus status : new UserStatus[] {UserStatus.MUTED, UserStatus.BANNED, UserStatus.AWAITING_AUDIT}) {
            assertThat(rules.rejection(Optional.of(user(status, 0)))).as("status %s", status)
                    .contains("user 5 has status " + status.code());
        }
    }
}
