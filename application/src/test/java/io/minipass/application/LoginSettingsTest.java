package io.minipass.application;

import io.minipass.domain.referral.ReferrerForms;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.StatusRule;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginSettingsTest {

    @Test
    void a_session_key_allows_at_least_one_failed_decryption() {
        assertThat(new LoginSettings(false, false, true, false, Set.of(Platform.WEIXIN), 1).failuresPerSessionKey())
                .isEqualTo(1);
        assertThatThrownBy(() -> new LoginSettings(false, false, true, false, Set.of(Platform.WEIXIN), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shopxo_v2_rules_unless_told_otherwise() {
        LoginSettings settings = new LoginSettings(false, false, true, false, Set.of(), 5, null, null);

        assertThat(settings.statusRule()).isEqualTo(StatusRule.MUTED_MAY_LOG_IN);
        assertThat(settings.referrerForms()).isEqualTo(ReferrerForms.ID_OR_SHARE_CODE);
        assertThat(settings.loginPlatforms()).isEmpty();
    }

    @Test
    void shopxo_v6_rules_change_the_status_rule_and_the_referrer_forms_only() {
        LoginSettings v2 = new LoginSettings(true, true, false, true, Set.of(Platform.QQ), 3);
        LoginSettings v6 = v2.asShopxoV6();

        assertThat(v6.statusRule()).isEqualTo(StatusRule.ONLY_NORMAL);
        assertThat(v6.referrerForms()).isEqualTo(ReferrerForms.SHOPXO_V6);
        assertThat(v6).isEqualTo(new LoginSettings(true, true, false, true, Set.of(Platform.QQ), 3,
                StatusRule.ONLY_NORMAL, ReferrerForms.SHOPXO_V6));
    }
}
