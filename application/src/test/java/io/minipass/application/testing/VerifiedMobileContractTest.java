package io.minipass.application.testing;

import io.minipass.application.port.out.VerifiedMobilePort;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What every store of verified mobiles must do; each adapter's test extends this with a fresh, empty store. */
public abstract class VerifiedMobileContractTest {
    private static final String MOBILE = "13800138000";
    private VerifiedMobilePort mobiles;

    protected abstract VerifiedMobilePort freshVerifiedMobiles();

    @BeforeEach
    void setUpMobiles() {
        mobiles = freshVerifiedMobiles();
    }

    @Test
    void a_verified_mobile_serves_one_registration_of_its_openid() {
        mobiles.record(Platform.WEIXIN, new OpenId("oVerified"), MOBILE);

        assertThat(mobiles.consume(Platform.WEIXIN, new OpenId("oVerified"), MOBILE)).isTrue();
        assertThat(mobiles.consume(Platform.WEIXIN, new OpenId("oVerified"), MOBILE)).isFalse();
    }

    @Test
    void only_that_mobile_of_that_openid_on_that_platform_exactly() {
        mobiles.record(Platform.WEIXIN, new OpenId("oVerified"), MOBILE);

        assertThat(mobiles.consume(Platform.WEIXIN, new OpenId("oVerified"), "13800138001")).isFalse();
        assertThat(mobiles.consume(Platform.WEIXIN, new OpenId("overified"), MOBILE)).isFalse();
        assertThat(mobiles.consume(Platform.WEIXIN, new OpenId("oVerified2"), MOBILE)).isFalse();
        assertThat(mobiles.consume(Platform.TOUTIAO, new OpenId("oVerified"), MOBILE)).isFalse();
        assertThat(mobiles.consume(Platform.WEIXIN, new OpenId("oVerified"), MOBILE)).isTrue();
    }

    @Test
    void two_verified_mobiles_of_one_openid_each_serve_once() {
        mobiles.record(Platform.BAIDU, new OpenId("oTwo"), MOBILE);
        mobiles.record(Platform.BAIDU, new OpenId("oTwo"), "13900139000");

        assertThat(mobiles.consume(Platform.BAIDU, new OpenId("oTwo"), "13900139000")).isTrue();
        assertThat(mobiles.consume(Platform.BAIDU, new OpenId("oTwo"), MOBILE)).isTrue();
    }

    @Test
    void of_many_callers_at_once_exactly_one_uses_the_record() throws Exception {
        mobiles.record(Platform.TOUTIAO, new OpenId("oRace"), MOBILE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                takes.add(pool.submit(() -> mobiles.consume(Platform.TOUTIAO, new OpenId("oRace"), MOBILE)));
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
}
