package io.minipass.adapters.state;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaffeineLoginCodeProofsTest {
    private final AtomicLong nanos = new AtomicLong();
    private final CaffeineLoginCodeProofs proofs = new CaffeineLoginCodeProofs(1000, Duration.ofMinutes(30), nanos::get);

    @Test
    void a_proof_expires() {
        proofs.record(new PlatformIdentity(Platform.ALIPAY, new OpenId("2088000000000001"), Optional.empty()));
        nanos.addAndGet(Duration.ofMinutes(31).toNanos());

        assertThat(proofs.find(Platform.ALIPAY, new OpenId("2088000000000001"))).isEmpty();
        assertThat(proofs.consume(Platform.ALIPAY, new OpenId("2088000000000001"))).isFalse();
    }

    @Test
    void a_lifetime_must_be_positive() {
        assertThatThrownBy(() -> new CaffeineLoginCodeProofs(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
