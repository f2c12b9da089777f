package io.minipass.application.testing;

import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every session-key store must do; each adapter's test extends this with a fresh, empty store. */
public abstract class SessionKeyStoreContractTest {
    private SessionKeyStore store;

    protected abstract SessionKeyStore freshStore();

    @BeforeEach
    void setUpStore() {
        store = freshStore();
    }

    @Test
    void keeps_the_latest_key_of_each_openid() {
        store.remember(Platform.QQ, new OpenId("oKey"), "first");
        store.remember(Platform.QQ, new OpenId("oKey"), "second");

        assertThat(store.find(Platform.QQ, new OpenId("oKey"))).contains("second");
    }

    @Test
    void keys_are_per_platform_and_exact_openid() {
        store.remember(Platform.BAIDU, new OpenId("oKey"), "baidu-key");

        assertThat(store.find(Platform.QQ, new OpenId("oKey"))).isEmpty();
        assertThat(store.find(Platform.BAIDU, new OpenId("okey"))).isEmpty();
        assertThat(store.find(Platform.BAIDU, new OpenId("oKey2"))).isEmpty();
    }

    @Test
    void a_login_without_a_key_forgets_the_stale_one() {
        store.remember(Platform.WEIXIN, new OpenId("oKey"), "old");
        store.remember(Platform.WEIXIN, new OpenId("oKey"), "");

        assertThat(store.find(Platform.WEIXIN, new OpenId("oKey"))).isEmpty();
    }

    @Test
    void counts_failures_of_the_current_key_only() {
        OpenId openId = new OpenId("oKey");
        assertThat(store.recordFailedDecryption(Platform.BAIDU, openId)).isZero();

        store.remember(Platform.BAIDU, openId, "first");
        assertThat(store.recordFailedDecryption(Platform.BAIDU, openId)).isEqualTo(1);
        assertThat(store.recordFailedDecryption(Platform.BAIDU, openId)).isEqualTo(2);
        assertThat(store.recordFailedDecryption(Platform.QQ, openId)).isZero();

        store.remember(Platform.BAIDU, openId, "second");
        assertThat(store.recordFailedDecryption(Platform.BAIDU, openId)).isEqualTo(1);
        assertThat(store.find(Platform.BAIDU, openId)).contains("second");
    }

    @Test
    void a_forgotten_key_is_gone() {
        store.remember(Platform.QQ, new OpenId("oKey"), "key");
        store.forget(Platform.QQ, new OpenId("oKey"));

        assertThat(store.find(Platform.QQ, new OpenId("oKey"))).isEmpty();
    }
}
