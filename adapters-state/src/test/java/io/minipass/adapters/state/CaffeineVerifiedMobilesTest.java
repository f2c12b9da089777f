package io.minipass.adapters.state;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaffeineVerifiedMobilesTest {
    private static final OpenId OPENID = new OpenId("oVerifiedDemoOpenid");
    private static final String MOBILE = "13800138000";

    private final AtomicLong nanos = new AtomicLong();
    private final CaffeineVerifiedMobiles mobiles = new CaffeineVerifiedMobiles(1000, Duration.ofMinutes(30), nanos::get);

    @Test
    void a_record_serves_within_its_lifetime() {
        mobiles.record(Platform.WEIXIN, OPENID, MOBILE);
        nanos.addAndGet(Duration.ofMinutes(29).toNanos());

        assertThat(mobiles.consume(Platform.WEIXIN, OPENID, MOBILE)).isTrue();
    }

    @Test
    void a_record_expires() {
        mobiles.record(Platform.WEIXIN, OPENID, MOBILE);
        nanos.addAndGet(Duration.ofMinutes(31).toNanos());

        assertThat(mobiles.consume(Platform.WEIXIN, OPENID, MOBILE)).isFalse();
    }

    @Test
    void a_lifetime_must_be_positive() {
        assertThatThrownBy(() -> new CaffeineVerifiedMobiles(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaffeineVerifiedMobiles(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
