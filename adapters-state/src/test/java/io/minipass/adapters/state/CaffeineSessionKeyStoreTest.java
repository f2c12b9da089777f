package io.minipass.adapters.state;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaffeineSessionKeyStoreTest {
    private static final OpenId OPENID = new OpenId("oDemo1xYzAbCdEfGhIjKlMnOpQr");

    private final AtomicLong nanos = new AtomicLong();
    private final CaffeineSessionKeyStore store = new CaffeineSessionKeyStore(100, Duration.ofHours(1), nanos::get);

    @Test
    void findsTheKeyRememberedForTheSamePlatformAndOpenid() {
        store.remember(Platform.QQ, OPENID, "ZGVtb3Nlc3Npb25rZXkxMg==");

        assertThat(store.find(Platform.QQ, OPENID)).contains("ZGVtb3Nlc3Npb25rZXkxMg==");
    }

    @Test
    void keepsPlatformsApart() {
        store.remember(Platform.QQ, OPENID, "ZGVtb3Nlc3Npb25rZXkxMg==");

        assertThat(store.find(Platform.WEIXIN, OPENID)).isEmpty();
    }

    @Test
    void matchesOpenidsExactly() {
        store.remember(Platform.BAIDU, new OpenId("k9DemoOpenidBaidu"), "MWRmMDlkMGExNjc3ZGQ3MmI4MzI1YWVj");

        assertThat(store.find(Platform.BAIDU, new OpenId("K9DEMOOPENIDBAIDU"))).isEmpty();
        assertThat(store.find(Platform.BAIDU, new OpenId("k9DemoOpenidBaidu0"))).isEmpty();
        assertThat(store.find(Platform.BAIDU, new OpenId("k9DemoOpenidBaidu"))).isPresent();
    }

    @Test
    void aNewLoginReplacesTheKey() {
        store.remember(Platform.WEIXIN, OPENID, "old-key");
        store.remember(Platform.WEIXIN, OPENID, "new-key");

        assertThat(store.find(Platform.WEIXIN, OPENID)).contains("new-key");
    }

    @Test
    void aLoginWithoutAKeyForgetsThePreviousOne() {
        store.remember(Platform.TOUTIAO, OPENID, "old-key");
        store.remember(Platform.TOUTIAO, OPENID, "");

        assertThat(store.find(Platform.TOUTIAO, OPENID)).isEmpty();
    }

    @Test
    void forgetsAKeyOnceItsTimeIsUp() {
        store.remember(Platform.WEIXIN, OPENID, "key");

        nanos.addAndGet(Duration.ofMinutes(59).toNanos());
        assertThat(store.find(Platform.WEIXIN, OPENID)).contains("key");

        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(store.find(Platform.WEIXIN, OPENID)).isEmpty();
    }

    @Test
    void expiryCountsFromTheLatestWrite() {
        store.remember(Platform.WEIXIN, OPENID, "first");
        nanos.addAndGet(Duration.ofMinutes(50).toNanos());
        store.remember(Platform.WEIXIN, OPENID, "second");
        nanos.addAndGet(Duration.ofMinutes(50).toNanos());

        assertThat(store.find(Platform.WEIXIN, OPENID)).contains("second");
    }

    @Test
    void holdsNoMoreThanItsMaximumSize() {
        CaffeineSessionKeyStore small = new CaffeineSessionKeyStore(3, Duration.ofHours(1), nanos::get);
        IntStream.range(0, 50).forEach(i -> small.remember(Platform.WEIXIN, new OpenId("openid-" + i), "key-" + i));
        small.cleanUp();

        long kept = IntStream.range(0, 50)
                .filter(i -> small.find(Platform.WEIXIN, new OpenId("openid-" + i)).isPresent())
                .count();
        assertThat(kept).isBetween(1L, 3L);
    }

    @Test
    void refusesSettingsThatCouldNotHoldAnything() {
        assertThatThrownBy(() -> new CaffeineSessionKeyStore(0, Duration.ofHours(1), nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaffeineSessionKeyStore(10, Duration.ZERO, nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
