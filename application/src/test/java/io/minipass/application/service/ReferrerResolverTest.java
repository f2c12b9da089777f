package io.minipass.application.service;

import io.minipass.application.testing.InMemoryUserStore;
import io.minipass.domain.referral.ReferralRules;
import io.minipass.domain.referral.ReferrerForms;
import io.minipass.domain.user.Channel;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.PlatformIdentities;
import io.minipass.domain.user.User;
import io.minipass.domain.user.UserId;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferrerResolverTest {
    private final InMemoryUserStore store = new InMemoryUserStore();

    private long resolve(ReferrerForms forms, String reference) {
        return new ReferrerResolver(store, ReferralRules.standard(), forms).resolve(reference);
    }

    private void user(long id, String numberCode, String mobile, String email, UserStatus status, long deleteTime) {
        store.put(new User(new UserId(id), PlatformIdentities.NONE, status, "", "", "u" + id, mobile, email,
                Gender.SECRET, "", "", "", 0, "", 0, 0, 0, deleteTime, 1, 0, numberCode, "", 0, false, Channel.NONE));
    }

    @Test
    void on_shopxo_v6_a_member_code_mobile_or_email_names_the_inviter_as_an_id_does() {
        user(7, "88881234567897", "13800138007", "seven@example.com", UserStatus.NORMAL, 0);

        assertThat(resolve(ReferrerForms.SHOPXO_V6, "7")).isEqualTo(7);
        assertThat(resolve(ReferrerForms.SHOPXO_V6, "7.9")).isEqualTo(7);
        assertThat(resolve(ReferrerForms.SHOPXO_V6, "88881234567897")).isEqualTo(7);
        assertThat(resolve(ReferrerForms.SHOPXO_V6, "13800138007")).isEqualTo(7);
        assertThat(resolve(ReferrerForms.SHOPXO_V6, "seven@example.com")).isEqualTo(7);
        assertThat(resolve(ReferrerForms.SHOPXO_V6, "SEVEN@example.com")).as("exact").isZero();
        assertThat(resolve(ReferrerForms.SHOPXO_V6, "88881234567898")).isZero();
    }

    @Test
    void on_shopxo_v2_those_forms_name_nobody() {
        user(7, "88881234567897", "13800138007", "seven@example.com", UserStatus.NORMAL, 0);

        assertThat(resolve(ReferrerForms.ID_OR_SHARE_CODE, "7")).isEqualTo(7);
        assertThat(resolve(ReferrerForms.ID_OR_SHARE_CODE, "7.9")).isZero();
        assertThat(resolve(ReferrerForms.ID_OR_SHARE_CODE, "88881234567897")).isZero();
        assertThat(resolve(ReferrerForms.ID_OR_SHARE_CODE, "13800138007")).isZero();
        assertThat(resolve(ReferrerForms.ID_OR_SHARE_CODE, "seven@example.com")).isZero();
    }

    @Test
    void a_deleted_or_inactive_inviter_counts_for_nothing_whatever_names_them() {
        user(8, "88881234567898", "13800138008", "eight@example.com", UserStatus.NORMAL, 99);
        user(9, "88881234567899", "13800138009", "nine@example.com", UserStatus.MUTED, 0);

        for (String reference : new String[] {"8", "88881234567898", "13800138008", "eight@example.com", "9",
                "88881234567899", "13800138009", "nine@example.com", "-5", "garbage", ""}) {
            assertThat(resolve(ReferrerForms.SHOPXO_V6, reference)).as(reference).isZero();
        }
    }
}
