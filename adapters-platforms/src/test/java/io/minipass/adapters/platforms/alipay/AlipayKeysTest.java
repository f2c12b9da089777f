package io.minipass.adapters.platforms.alipay;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AlipayKeysTest {
    private static final KeyPair KEYS = AlipayLoginAdapterTest.rsaKeyPair();

    @Test
    void readsPkcs8AsPemAndAsBareBase64() {
        byte[] pkcs8 = KEYS.getPrivate().getEncoded();

        assertThat(AlipayKeys.privateKey(AlipayLoginAdapterTest.pem("PRIVATE KEY", pkcs8)).getEncoded()).isEqualTo(pkcs8);
        assertThat(AlipayKeys.privateKey(AlipayLoginAdapterTest.base64(pkcs8)).getEncoded()).isEqualTo(pkcs8);
    }

    @Test
    void readsPkcs1AsTheKeyToolWritesItForPhp() {
        byte[] pkcs8 = KEYS.getPrivate().getEncoded();
        // A 2048-bit PrivateKeyInfo: SEQUENCE(4) + version(3) + AlgorithmIdentifier(15) + OCTET STRING header(4).
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        assertThat(pkcs1[0]).isEqualTo((byte) 0x30);

        assertThat(AlipayKeys.privateKey(AlipayLoginAdapterTest.pem("RSA PRIVATE KEY", pkcs1)).getEncoded()).isEqualTo(pkcs8);
        assertThat(AlipayKeys.privateKey(AlipayLoginAdapterTest.base64(pkcs1)).getEncoded()).isEqualTo(pkcs8);
    }

    @Test
    void readsThePublicKeyAsPemAndAsBareBase64() {
        byte[] x509 = KEYS.getPublic().getEncoded();

        assertThat(AlipayKeys.publicKey(AlipayLoginAdapterTest.pem("PUBLIC KEY", x509)).getEncoded()).isEqualTo(x509);
        assertThat(AlipayKeys.publicKey(AlipayLoginAdapterTest.base64(x509)).getEncoded()).isEqualTo(x509);
    }

    @Test
    void refusesWhatIsNotAKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> AlipayKeys.privateKey("c2hvcnQ="));
        assertThatIllegalArgumentException().isThrownBy(() -> AlipayKeys.privateKey("not base64 !"));
        assertThatIllegalArgumentException().isThrownBy(() -> AlipayKeys.publicKey(
                AlipayLoginAdapterTest.base64(KEYS.getPrivate().getEncoded())));
    }
}
