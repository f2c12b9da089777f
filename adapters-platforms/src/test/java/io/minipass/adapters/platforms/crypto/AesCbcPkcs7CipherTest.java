package io.minipass.adapters.platforms.crypto;

import org.junit.jupiter.api.Test;

import static io.minipass.adapters.platforms.crypto.PlatformEncryption.unbase64;
import static org.assertj.core.api.Assertions.assertThat;

/** Moved from UserDataDecryptionTest (OfficialTestVectors) when Baidu's cipher moved to its package. */
class AesCbcPkcs7CipherTest {
    /** Baidu's documented demo (docs/platforms.md#baidu-aes-192). */
    private static final String BAIDU_DEMO_SESSION_KEY = "1df09d0a1677dd72b8325aec59576e0c";
    private static final String BAIDU_DEMO_IV = "1df09d0a1677dd72b8325Q==";
    private static final String BAIDU_DEMO_DATA = "OpCoJgs7RrVgaMNDixIvaCIyV2SFDBNLivgkVqtzq2GC10egsn+PKmQ/+5q+chT8"
                + "xzldLUog2haTItyIkKyvzvmXonBQLIMeq54axAu9c3KG8IhpFD6+ymHocmx07ZKi7eED3t0KyIxJgRNSDkFk5RV1ZP2mSWa7"
                + "ZgCXXcAbP0RsiUcvhcJfrSwlpsm0E1YJzKpYy429xrEEGvK+gfL+Cw==";

    @Test
    void theBaiduDemoVectorIsPaddedTo32BytesWhichAPlain16BytePkcs7UnpadWouldReject() {
        assertThat(AesCbcPkcs7Cipher.open(unbase64(BAIDU_DEMO_SESSION_KEY), unbase64(BAIDU_DEMO_IV),
                unbase64(BAIDU_DEMO_DATA))).isNull();
    }
}
