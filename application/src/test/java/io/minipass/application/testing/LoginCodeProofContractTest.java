package io.minipass.application.testing;

import io.minipass.application.port.out.LoginCodeProofPort;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every login-code proof store must do; each adapter's test extends this with a fresh, empty store. */
public abstract class LoginCodeProofContractTest {
    private LoginCodeProofPort proofs;

    protected abstract LoginCodeProofPort freshProofs();

    @BeforeEach
    void setUpProofs() {
        proofs = freshProofs();
    }

    @Test
    void an_exchanged_openid_is_proven() {
        proofs.recordExchange(Platform.ALIPAY, new OpenId("2088000000000001"));

        assertThat(proofs.wasExchanged(Platform.ALIPAY, new OpenId("2088000000000001"))).isTrue();
    }

    @Test
    void only_on_its_platform_and_exactly() {
        proofs.recordExchange(Platform.WEIXIN, new OpenId("oProof"));

        assertThat(proofs.wasExchanged(Platform.QQ, new OpenId("oProof"))).isFalse();
        assertThat(proofs.wasExchanged(Platform.WEIXIN, new OpenId("oproof"))).isFalse();
        assertThat(proofs.wasExchanged(Platform.WEIXIN, new OpenId("oProof1"))).isFalse();
    }
}
