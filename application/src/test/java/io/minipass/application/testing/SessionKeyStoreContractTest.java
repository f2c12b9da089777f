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
}
