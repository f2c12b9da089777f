package io.minipass.application.testing;

import io.minipass.application.port.out.LoginCodeProofPort;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.UnionId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    void an_exchanged_openid_is_proven_with_the_unionid_the_platform_gave() {
        proofs.record(proof(Platform.WEIXIN, "oProof", "uPlatform"));

        assertThat(proofs.find(Platform.WEIXIN, new OpenId("oProof")))
                .map(PlatformIdentity::unionId).contains(Optional.of(new UnionId("uPlatform")));
    }

    @Test
    void only_on_its_platform_and_exactly() {
        proofs.record(proof(Platform.WEIXIN, "oProof", null));

        assertThat(proofs.find(Platform.QQ, new OpenId("oProof"))).isEmpty();
        assertThat(proofs.find(Platform.WEIXIN, new OpenId("oproof"))).isEmpty();
        assertThat(proofs.find(Platform.WEIXIN, new OpenId("oProof1"))).isEmpty();
        assertThat(proofs.consume(Platform.QQ, new OpenId("oProof"))).isFalse();
    }

    @Test
    void a_proof_is_used_once() {
        proofs.record(proof(Platform.ALIPAY, "2088000000000001", null));

        assertThat(proofs.consume(Platform.ALIPAY, new OpenId("2088000000000001"))).isTrue();
        assertThat(proofs.consume(Platform.ALIPAY, new OpenId("2088000000000001"))).isFalse();
        assertThat(proofs.find(Platform.ALIPAY, new OpenId("2088000000000001"))).isEmpty();
    }

    @Test
    void of_many_callers_at_once_exactly_one_uses_the_proof() throws Exception {
        proofs.record(proof(Platform.BAIDU, "oRace", null));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                takes.add(pool.submit(() -> proofs.consume(Platform.BAIDU, new OpenId("oRace"))));
            }
            int used = 0;
            for (Future<Boolean> take : takes) {
                used += take.get() ? 1 : 0;
            }
            assertThat(used).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static PlatformIdentity proof(Platform platform, String openId, String unionId) {
        return new PlatformIdentity(platform, new OpenId(openId),
                unionId == null ? Optional.empty() : Optional.of(new UnionId(unionId)));
    }
}
