package io.minipass.adapters.platforms;

import io.minipass.adapters.platforms.crypto.PlatformEncryption;
import io.minipass.application.port.out.DecryptUserDataPort;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sealed profiles are read with each platform's field names once they open. */
class SealedProfilesTest {
    private static final String QQ_APPID = "1110000001";
    private static final String BAIDU_APP_KEY = "DemoBaiduAppKey0123456789abcdefg";
    private static final OpenId OPENID = new OpenId("oDemo1xYzAbCdEfGhIjKlMnOpQr");
    private static final String KEY_16 = base64("sixteen byte key");
    private static final String KEY_24 = base64("twenty-four byte key 24!");
    private static final String IV = base64("initial vector16");

    private final InMemorySessionKeys sessionKeys = new InMemorySessionKeys();
    private final DecryptUserDataPort profiles = TestPlatforms.sealedFor(sessionKeys, Map.of(Platform.QQ, QQ_APPID),
            BAIDU_APP_KEY).userData();

    @Test
    void qqSealsWeChatsFieldNames() {
        sessionKeys.remember(Platform.QQ, OPENID, KEY_16);
        String sealed = PlatformEncryption.wechatStyle(KEY_16, IV, "{\"openId\":\"" + OPENID.value() + "\",\"nickName\":\"小明\","
                + "\"gender\":2,\"avatarUrl\":\"https://q/x.png\",\"province\":\"广东\",\"city\":\"深圳\","
                + "\"watermark\":{\"timestamp\":1700000000,\"appid\":\"" + QQ_APPID + "\"}}");

        assertThat(profiles.decryptProfile(Platform.QQ, OPENID, sealed, IV))
                .isEqualTo(new Profile("小明", "https://q/x.png", Gender.FEMALE, "广东", "深圳"));
    }

    @Test
    void baiduSealsItsOwnFieldNames() {
        sessionKeys.remember(Platform.BAIDU, OPENID, KEY_24);
        String sealed = PlatformEncryption.baidu(KEY_24, IV, "{\"openid\":\"" + OPENID.value() + "\",\"nickname\":\"百度用户\","
                + "\"headimgurl\":\"https://b/x.jpg\",\"sex\":1}", BAIDU_APP_KEY);

        assertThat(profiles.decryptProfile(Platform.BAIDU, OPENID, sealed, IV))
                .isEqualTo(new Profile("百度用户", "https://b/x.jpg", Gender.MALE, "", ""));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
