package io.minipass.adapters.state.redis;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class SessionKeyCipherTest {
    private final SessionKeyCipher cipher = new SessionKeyCipher(Base64.getDecoder().decode(TestRedis.randomSecret()));

    @Test
    void opens_what_it_sealed_for_the_same_owner_only() {
        String sealed = cipher.seal("ZGVtb3Nlc3Npb25rZXkxMg==", "qq:oOwner");

        assertThat(cipher.open(sealed, "qq:oOwner")).contains("ZGVtb3Nlc3Npb25rZXkxMg==");
        assertThat(cipher.open(sealed, "qq:oOther")).isEmpty();
        assertThat(cipher.open(sealed, "baidu:oOwner")).isEmpty();
    }

    @Test
    void an_altered_or_foreign_value_opens_to_nothing() {
        String sealed = cipher.seal("key", "qq:oOwner");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;

        assertThat(cipher.open("v1." + Base64.getEncoder().encodeToString(bytes), "qq:oOwner")).isEmpty();
        assertThat(new SessionKeyCipher(Base64.getDecoder().decode(TestRedis.randomSecret())).open(sealed, "qq:oOwner")).isEmpty();
        assertThat(cipher.open("key", "qq:oOwner")).isEmpty();
        assertThat(cipher.open("v1.not base64!", "qq:oOwner")).isEmpty();
        assertThat(cipher.open("v1.AAAA", "qq:oOwner")).isEmpty();
        assertThat(cipher.open(null, "qq:oOwner")).isEmpty();
    }

    @Test
    void each_seal_uses_a_new_nonce() {
        assertThat(cipher.seal("key", "qq:oOwner")).isNotEqualTo(cipher.seal("key", "qq:oOwner"));
    }
}
