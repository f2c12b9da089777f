package io.minipass.application.port.in;

import io.minipass.domain.user.Gender;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.PhoneProof;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The commands keep what a client sent, and read what it left out as nothing. */
class CommandsTest {
    private static final ClientAddress FROM = new ClientAddress("203.0.113.7");
    private static final PlatformIdentity IDENTITY = new PlatformIdentity(Platform.WEIXIN, new OpenId("o-1"),
            Optional.empty());
    private static final Profile PROFILE = new Profile("nick", "", Gender.MALE, "", "");
    private static final PhoneProof PROOF = new PhoneProof("code", "", "");

    @Test
    void a_login_code_is_at_most_512_characters() {
        assertThat(authorize("c".repeat(512)).code()).hasSize(512);
        assertThatThrownBy(() -> authorize("c".repeat(513))).isInstanceOf(InvalidInputException.class)
                .hasMessage("授权码格式有误");
    }

    @Test
    void an_absent_blank_or_zero_login_code_is_none() {
        for (String code : new String[] {null, "", "  ", "0"}) {
            assertThatThrownBy(() -> authorize(code)).as("code %s", code).hasMessage("授权码为空");
        }
    }

    @Test
    void what_the_client_sent_is_kept() {
        assertThat(authorize("c").referrer()).isEqualTo("128");
        assertThat(authorize("c").from()).isEqualTo(FROM);

        BindMobileCommand bind = new BindMobileCommand(SystemType.DEFAULT, IDENTITY, PROFILE, "128", PROOF, FROM, "t");
        assertThat(bind.profile()).isEqualTo(PROFILE);
        assertThat(bind.referrer()).isEqualTo("128");
        assertThat(bind.from()).isEqualTo(FROM);
        assertThat(bind.token()).isEqualTo("t");

        RegisterWithMobileCommand register = new RegisterWithMobileCommand(SystemType.DEFAULT, IDENTITY, PROFILE,
                "13800138000", "128", FROM, "t");
        assertThat(register.referrer()).isEqualTo("128");
        assertThat(register.from()).isEqualTo(FROM);
        assertThat(register.token()).isEqualTo("t");

        VerifyMobileCommand verify = new VerifyMobileCommand(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("o-1"),
                PROOF, FROM, "t");
        assertThat(verify.from()).isEqualTo(FROM);
        assertThat(verify.token()).isEqualTo("t");
    }

    @Test
    void what_the_client_left_out_is_nothing() {
        AuthorizeMiniProgramUserCommand authorize = new AuthorizeMiniProgramUserCommand(SystemType.DEFAULT,
                Platform.WEIXIN, "c", null, null);
        assertThat(authorize.referrer()).isEmpty();
        assertThat(authorize.from()).isEqualTo(ClientAddress.UNKNOWN);

        BindMobileCommand bind = new BindMobileCommand(SystemType.DEFAULT, IDENTITY, null, null, PROOF, null, null);
        assertThat(bind).isEqualTo(new BindMobileCommand(SystemType.DEFAULT, IDENTITY, Profile.EMPTY, "", PROOF,
                ClientAddress.UNKNOWN, ""));

        RegisterWithMobileCommand register = new RegisterWithMobileCommand(SystemType.DEFAULT, IDENTITY, PROFILE,
                "13800138000", null, null, null);
        assertThat(register).isEqualTo(new RegisterWithMobileCommand(SystemType.DEFAULT, IDENTITY, PROFILE,
                "13800138000", "", ClientAddress.UNKNOWN, ""));

        VerifyMobileCommand verify = new VerifyMobileCommand(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("o-1"),
                PROOF, null, null);
        assertThat(verify.from()).isEqualTo(ClientAddress.UNKNOWN);
        assertThat(verify.token()).isEmpty();
    }

    @Test
    void sealed_profile_data_never_prints_its_text() {
        assertThat(new ProfileData.Sealed("secret-data", "iv")).hasToString("Sealed[11 characters]");
    }

    private static AuthorizeMiniProgramUserCommand authorize(String code) {
        return new AuthorizeMiniProgramUserCommand(SystemType.DEFAULT, Platform.WEIXIN, code, "128", FROM);
    }
}
