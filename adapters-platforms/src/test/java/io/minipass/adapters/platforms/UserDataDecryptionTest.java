package io.minipass.adapters.platforms;

import io.minipass.adapters.platforms.crypto.PlatformEncryption;
import io.minipass.adapters.platforms.crypto.UserDataDecryptor;
import io.minipass.adapters.platforms.crypto.WatermarkCheck;

import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static io.minipass.adapters.platforms.crypto.PlatformEncryption.base64;
import static io.minipass.adapters.platforms.crypto.PlatformEncryption.unbase64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserDataDecryptionTest {
    /** Every kind of failure reads the same. */
    private static final String REFUSED = "解密失败，请重新登录";

    private static final String WX_APPID = "wxDemoAppid000001";
    private static final String QQ_APPID = "1110000001";
    private static final String TT_APPID = "ttDemoAppid000001";
    private static final String BAIDU_APP_KEY = "DemoBaiduAppKey0123456789abcdefg";

    private static final OpenId OPENID = new OpenId("oDemo1xYzAbCdEfGhIjKlMnOpQr");
    private static final String KEY_16 = base64("sixteen byte key".getBytes(StandardCharsets.US_ASCII));
    private static final String OTHER_KEY_16 = base64("another 16B key!".getBytes(StandardCharsets.US_ASCII));
    private static final String KEY_24 = base64("twenty-four byte key 24!".getBytes(StandardCharsets.US_ASCII));
    private static final String OTHER_KEY_24 = base64("another twenty-four key!".getBytes(StandardCharsets.US_ASCII));
    private static final String IV = base64("initial vector16".getBytes(StandardCharsets.US_ASCII));

    private final InMemorySessionKeys sessionKeys = new InMemorySessionKeys();
    private final Platforms platforms = TestPlatforms.sealedFor(sessionKeys, appIds(), BAIDU_APP_KEY);
    private final PayloadOpener decryptor = PayloadOpener.of(platforms);

    private static Map<Platform, String> appIds() {
        Map<Platform, String> appIds = new EnumMap<>(Platform.class);
        appIds.put(Platform.WEIXIN, WX_APPID);
        appIds.put(Platform.QQ, QQ_APPID);
        appIds.put(Platform.TOUTIAO, TT_APPID);
        return appIds;
    }

    private static String profile(String appId) {
        return "{\"openId\":\"" + OPENID.value() + "\",\"nickName\":\"小明\",\"gender\":1,\"avatarUrl\":\"https://a.example/x.png\","
                + "\"watermark\":{\"timestamp\":1700000000,\"appid\":\"" + appId + "\"}}";
    }

    @Nested
    class OfficialTestVectors {
        /** WeChat's demo (WXBizDataCrypt, developers.weixin.qq.com signature page). */
        private static final String WX_DEMO_APPID = "wx4f4bc4dec97d474b";
        private static final String WX_DEMO_SESSION_KEY = "tiihtNczf5v6AKRyjwEUhQ==";
        private static final String WX_DEMO_IV = "r7BXXKkLb8qrSNn05n0qiA==";
        private static final String WX_DEMO_DATA = "CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS"
                + "9uT5geRa0W4oTOb1WT7fJlAC+oNPdbB+3hVbJSRgv+4lGOETKUQz6OYStslQ142dNCuabNPGBzlooOmB231qMM85d2/fV6Ch"
                + "evvXvQP8Hkue1poOFtnEtpyxVLW1zAo6/1Xx1COxFvrc2d7UL/lmHInNlxuacJXwu0fjpXfz/YqYzBIBzD6WUfTIF9GRHpOn"
                + "/Hz7saL8xz+W//FRAUid1OksQaQx4CMs8LOddcQhULW4ucetDf96JcR3g0gfRK4PC7E/r7Z6xNrXd2UIeorGj5Ef7b1pJAYB"
                + "6Y5anaHqZ9J6nKEBvB4DnNLIVWSgARns/8wR2SiRS7MNACwTyrGvt9ts8p12PKFdlqYTopNHR1Vf7XjfhQlVsAJdNiKdYmYV"
                + "oKlaRv85IfVunYzO0IKXsyl7JCUjCpoG20f0a04COwfneQAGGwd5oa+T8yO5hzuyDb/XcxxmK01EpqOyuxINew==";
        private static final OpenId WX_DEMO_OPENID = new OpenId("oGZUI0egBJY1zhBYw2KhdUfwVJJE");

        /** Baidu's decryption sample (smartprogram docs, copied on w3cschool / bookstack). */
        private static final String BAIDU_DEMO_APP_KEY = "y2dTfnWfkx2OXttMEMWlGHoB1KzMogm7";
        private static final String BAIDU_DEMO_SESSION_KEY = "1df09d0a1677dd72b8325aec59576e0c";
        private static final String BAIDU_DEMO_IV = "1df09d0a1677dd72b8325Q==";
        private static final String BAIDU_DEMO_DATA = "OpCoJgs7RrVgaMNDixIvaCIyV2SFDBNLivgkVqtzq2GC10egsn+PKmQ/+5q+chT8"
                + "xzldLUog2haTItyIkKyvzvmXonBQLIMeq54axAu9c3KG8IhpFD6+ymHocmx07ZKi7eED3t0KyIxJgRNSDkFk5RV1ZP2mSWa7"
                + "ZgCXXcAbP0RsiUcvhcJfrSwlpsm0E1YJzKpYy429xrEEGvK+gfL+Cw==";
        private static final OpenId BAIDU_DEMO_OPENID = new OpenId("open_id");

        private PayloadOpener decryptorFor(Platform platform, String appId, String baiduKey) {
            return PayloadOpener.of(TestPlatforms.sealedFor(sessionKeys, Map.of(platform, appId), baiduKey));
        }

        @Test
        void opensWechatsDemoVector() {
            sessionKeys.remember(Platform.WEIXIN, WX_DEMO_OPENID, WX_DEMO_SESSION_KEY);

            Map<String, Object> data = decryptorFor(Platform.WEIXIN, WX_DEMO_APPID, "")
                    .decrypt(Platform.WEIXIN, WX_DEMO_OPENID, WX_DEMO_DATA, WX_DEMO_IV);

            assertThat(data).containsEntry("openId", "oGZUI0egBJY1zhBYw2KhdUfwVJJE")
                    .containsEntry("nickName", "Band")
                    .containsEntry("gender", 1)
                    .containsEntry("city", "Guangzhou")
                    .containsEntry("unionId", "ocMvos6NjeKLIBqg5Mr9QjxrP1FA")
                    .containsEntry("watermark", Map.of("timestamp", 1477314187, "appid", WX_DEMO_APPID));
        }

        @Test
        void refusesWechatsDemoVectorForAnotherApp() {
            sessionKeys.remember(Platform.WEIXIN, WX_DEMO_OPENID, WX_DEMO_SESSION_KEY);

            assertThatThrownBy(() -> decryptorFor(Platform.WEIXIN, "wx0000000000000000", "")
                    .decrypt(Platform.WEIXIN, WX_DEMO_OPENID, WX_DEMO_DATA, WX_DEMO_IV))
                    .isInstanceOf(InvalidInputException.class).hasMessage(REFUSED);
        }

        @Test
        void refusesWechatsDemoVectorForAnotherOpenid() {
            sessionKeys.remember(Platform.WEIXIN, OPENID, WX_DEMO_SESSION_KEY);

            assertThatThrownBy(() -> decryptorFor(Platform.WEIXIN, WX_DEMO_APPID, "")
                    .decrypt(Platform.WEIXIN, OPENID, WX_DEMO_DATA, WX_DEMO_IV))
                    .isInstanceOf(InvalidInputException.class).hasMessage(REFUSED);
        }

        @Test
        void opensBaidusDemoVector() {
            sessionKeys.remember(Platform.BAIDU, BAIDU_DEMO_OPENID, BAIDU_DEMO_SESSION_KEY);

            Map<String, Object> data = decryptorFor(Platform.WEIXIN, "unused", BAIDU_DEMO_APP_KEY)
                    .decrypt(Platform.BAIDU, BAIDU_DEMO_OPENID, BAIDU_DEMO_DATA, BAIDU_DEMO_IV);

            assertThat(data).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "openid", "open_id", "nickname", "baidu_user", "headimgurl", "url of image", "sex", 1));
        }

        @Test
        void refusesBaidusDemoVectorForAnotherAppKey() {
            sessionKeys.remember(Platform.BAIDU, BAIDU_DEMO_OPENID, BAIDU_DEMO_SESSION_KEY);

            assertThatThrownBy(() -> decryptorFor(Platform.WEIXIN, "unused", "y2dTfnWfkx2OXttMEMWlGHoB1KzMogm8")
                    .decrypt(Platform.BAIDU, BAIDU_DEMO_OPENID, BAIDU_DEMO_DATA, BAIDU_DEMO_IV))
                    .isInstanceOf(InvalidInputException.class).hasMessage(REFUSED);
        }
    }

    @Nested
    class WatermarkedPlatforms {

        @ParameterizedTest
        @EnumSource(value = Platform.class, names = {"WEIXIN", "QQ", "TOUTIAO"})
        void opensDataSealedForThisShop(Platform platform) {
            String appId = appIds().get(platform);
            sessionKeys.remember(platform, OPENID, KEY_16);

            Map<String, Object> data = decryptor.decrypt(platform, OPENID,
                    PlatformEncryption.wechatStyle(KEY_16, IV, profile(appId)), IV);

            assertThat(data).containsEntry("nickName", "小明").containsEntry("gender", 1)
                    .containsEntry("watermark", Map.of("timestamp", 1700000000, "appid", appId));
        }

        @ParameterizedTest
        @EnumSource(value = Platform.class, names = {"WEIXIN", "QQ", "TOUTIAO"})
        void refusesDataSealedForAnotherApp(Platform platform) {
            sessionKeys.remember(platform, OPENID, KEY_16);
            String foreign = PlatformEncryption.wechatStyle(KEY_16, IV, profile("wxSomeoneElse0001"));

            assertThatThrownBy(() -> decryptor.decrypt(platform, OPENID, foreign, IV))
                    .isInstanceOf(InvalidInputException.class).hasMessage(REFUSED);
        }

        @ParameterizedTest
        @EnumSource(value = Platform.class, names = {"WEIXIN", "QQ"})
        void wechatAndQqRequireTheWatermark(Platform platform) {
            sessionKeys.remember(platform, OPENID, KEY_16);
            String unmarked = PlatformEncryption.wechatStyle(KEY_16, IV, "{\"nickName\":\"小明\"}");
            String notAnObject = PlatformEncryption.wechatStyle(KEY_16, IV, "{\"nickName\":\"小明\",\"watermark\":\"" + WX_APPID + "\"}");

            assertThatThrownBy(() -> decryptor.decrypt(platform, OPENID, unmarked, IV)).hasMessage(REFUSED);
            assertThatThrownBy(() -> decryptor.decrypt(platform, OPENID, notAnObject, IV)).hasMessage(REFUSED);
        }

        @Test
        void aToutiaoProfileWithoutWatermarkIsAccepted() {
            sessionKeys.remember(Platform.TOUTIAO, OPENID, KEY_16);
            String unmarked = PlatformEncryption.wechatStyle(KEY_16, IV, "{\"nickName\":\"小明\"}");

            assertThat(decryptor.decrypt(Platform.TOUTIAO, OPENID, unmarked, IV)).containsEntry("nickName", "小明");
        }

        @Test
        void aRequiredWatermarkIsRequiredOnToutiaoToo() {
            sessionKeys.remember(Platform.TOUTIAO, OPENID, KEY_16);
            String unmarked = PlatformEncryption.wechatStyle(KEY_16, IV, "{\"purePhoneNumber\":\"13800138000\"}");

            assertThatThrownBy(() -> ((UserDataDecryptor) TestPlatforms.parts(platforms, Platform.TOUTIAO).userData()).decrypt(OPENID, unmarked, IV, WatermarkCheck.REQUIRED))
                    .hasMessage(REFUSED);
        }

        @Test
        void refusesAWrongSessionKey() {
            sessionKeys.remember(Platform.WEIXIN, OPENID, OTHER_KEY_16);
            String data = PlatformEncryption.wechatStyle(KEY_16, IV, profile(WX_APPID));

            assertThatThrownBy(() -> decryptor.decrypt(Platform.WEIXIN, OPENID, data, IV))
                    .isInstanceOf(InvalidInputException.class).hasMessage(REFUSED);
        }

        @Test
        void refusesAWrongIv() {
            sessionKeys.remember(Platform.QQ, OPENID, KEY_16);
            String data = PlatformEncryption.wechatStyle(KEY_16, IV, profile(QQ_APPID));
            String otherIv = base64("another vector!!".getBytes(StandardCharsets.US_ASCII));

            assertThatThrownBy(() -> decryptor.decrypt(Platform.QQ, OPENID, data, otherIv)).hasMessage(REFUSED);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 5, 16, 40})
        void refusesTamperedCiphertext(int byteIndex) {
            sessionKeys.remember(Platform.WEIXIN, OPENID, KEY_16);
            byte[] sealed = unbase64(PlatformEncryption.wechatStyle(KEY_16, IV, profile(WX_APPID)));
            int index = byteIndex < 40 ? byteIndex : sealed.length - 1;
            sealed[index] ^= 0x01;

            assertThatThrownBy(() -> decryptor.decrypt(Platform.WEIXIN, OPENID, base64(sealed), IV))
                    .isInstanceOf(InvalidInputException.class).hasMessage(REFUSED);
        }

        @Test
        void refusesTruncatedCiphertext() {
            sessionKeys.remember(Platform.WEIXIN, OPENID, KEY_16);
            byte[] sealed = unbase64(PlatformEncryption.wechatStyle(KEY_16, IV, profile(WX_APPID)));
            byte[] shorter = java.util.Arrays.copyOf(sealed, sealed.length - 16);
            byte[] misaligned = java.util.Arrays.copyOf(sealed, sealed.length - 3);

            assertThatThrownBy(() -> decryptor.decrypt(Platform.WEIXIN, OPENID, base64(shorter), IV)).hasMessage(REFUSED);
            assertThatThrownBy(() -> decryptor.decrypt(Platform.WEIXIN, OPENID, base64(misaligned), IV)).hasMessage(REFUSED);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 17, 3})
        void refusesBadPkcs7Padding(int lastByte) {
            sessionKeys.remember(Platform.WEIXIN, OPENID, KEY_16);
            byte[] plain = "{\"a\":1}         ".getBytes(StandardCharsets.US_ASCII);
            plain[15] = (byte) lastByte;

            String data = PlatformEncryption.raw(KEY_16, IV, plain);

            assertThatThrownBy(() -> decryptor.decrypt(Platform.WEIXIN, OPENID, data, IV)).hasMessage(REFUSED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"not json", "[1,2,3]", "\"text\"", "null", "{\"a\":1} trailing", "{\"a\":1,\"a\":2}", "",
                "{\"a\":1e999999999}", "{\"a\":{\"b\":[-1E-65]}}", "{\"a\":99999999999999999999999999999999999999999999999999999999999999999}"})
        void refusesPlaintextThatIsNotOneJsonObject(String plaintext) {
            sessionKeys.remember(Platform.WEIXIN, OPENID, KEY_16);
            String data = PlatformEncryption.wechatStyle(KEY_16, IV, plaintext);

            assertThatThrownBy(() -> decryptor.decrypt(Platform.WEIXIN, OPENID, data, IV)).hasMessage(REFUSED);
        }

        @Test
        void refusesPlaintextThatIsNotUtf8() {
            sessionKeys.remember(Platform.WEIXIN, OPENID, KEY_16);
            byte[] latin1 = ("{\"nickName\":\"caf\u00e9\",\"watermark\":{\"appid\":\"" + WX_APPID + "\"}}")
                    .getBytes(StandardCharsets.ISO_8859_1);
            String data = PlatformEncryption.wechatStyle(KEY_16, IV, latin1);

            assertThatThrownBy(() -> decryptor.decrypt(Platform.WEIXIN, OPENID, data, IV)).hasMessage(REFUSED);
        }

        @Test
        void refusesDataNamingAnotherOpenid() {
            sessionKeys.remember(Platform.QQ, OPENID, KEY_16);
            String json = "{\"openId\":\"oSomebodyElse\",\"watermark\":{\"appid\":\"" + QQ_APPID + "\"}}";
            String lowerCase = "{\"openid\":\"" + OPENID.value().toLowerCase() + "\",\"watermark\":{\"appid\":\"" + QQ_APPID + "\"}}";

            assertThatThrownBy(() -> decryptor.decrypt(Platform.QQ, OPENID, PlatformEncryption.wechatStyle(KEY_16, IV, json), IV))
                    .hasMessage(REFUSED);
            assertThatThrownBy(() -> decryptor.decrypt(Platform.QQ, OPENID, PlatformEncryption.wechatStyle(KEY_16, IV, lowerCase), IV))
                    .hasMessage(REFUSED);
        }

        @Test
        void givesPlainJavaValues() {
            sessionKeys.remember(Platform.WEIXIN, OPENID, KEY_16);
            String json = "{\"s\":\"x\",\"i\":7,\"big\":12345678901,\"f\":1.5,\"b\":true,\"n\":null,\"l\":[1,\"two\"],"
                    + "\"o\":{\"k\":\"v\"},\"watermark\":{\"appid\":\"" + WX_APPID + "\"}}";

            Map<String, Object> data = decryptor.decrypt(Platform.WEIXIN, OPENID, PlatformEncryption.wechatStyle(KEY_16, IV, json), IV);

            assertThat(data).containsEntry("s", "x").containsEntry("i", 7).containsEntry("big", 12345678901L)
                    .containsEntry("f", 1.5).containsEntry("b", true).containsEntry("n", null)
                    .containsEntry("l", List.of(1, "two")).containsEntry("o", Map.of("k", "v"));
        }

        @Test
        void refusesASessionKeyOfTheWrongLength() {
            sessionKeys.remember(Platform.WEIXIN, OPENID, KEY_24);
            String data = PlatformEncryption.wechatStyle(KEY_16, IV, profile(WX_APPID));

            assertThatThrownBy(() -> decryptor.decrypt(Platform.WEIXIN, OPENID, data, IV)).hasMessage(REFUSED);
        }
    }

    @Nested
    class Baidu {

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 11, 12, 13, 31, 32, 100})
        void opensDataSealedTheWayBaiduSealsIt(int extraLength) {
            sessionKeys.remember(Platform.BAIDU, OPENID, KEY_24);
            String json = "{\"openid\":\"" + OPENID.value() + "\",\"nickname\":\"" + "度".repeat(1) + "x".repeat(extraLength) + "\",\"sex\":2}";

            Map<String, Object> data = decryptor.decrypt(Platform.BAIDU, OPENID,
                    PlatformEncryption.baidu(KEY_24, IV, json, BAIDU_APP_KEY), IV);

            assertThat(data).containsEntry("nickname", "度" + "x".repeat(extraLength)).containsEntry("sex", 2);
        }

        @Test
        void refusesDataSealedForAnotherAppKey() {
            sessionKeys.remember(Platform.BAIDU, OPENID, KEY_24);
            String json = "{\"openid\":\"" + OPENID.value() + "\"}";

            for (String otherKey : new String[] {"SomeoneElsesAppKey0123456789abcd", BAIDU_APP_KEY + "x",
                    BAIDU_APP_KEY.substring(1), ""}) {
                String data = PlatformEncryption.baidu(KEY_24, IV, json, otherKey);
                assertThatThrownBy(() -> decryptor.decrypt(Platform.BAIDU, OPENID, data, IV))
                        .as(otherKey).hasMessage(REFUSED);
            }
        }

        @Test
        void refusesAWrongSessionKey() {
            sessionKeys.remember(Platform.BAIDU, OPENID, OTHER_KEY_24);
            String data = PlatformEncryption.baidu(KEY_24, IV, "{\"openid\":\"" + OPENID.value() + "\"}", BAIDU_APP_KEY);

            assertThatThrownBy(() -> decryptor.decrypt(Platform.BAIDU, OPENID, data, IV)).hasMessage(REFUSED);
        }

        @Test
        void refusesA16ByteSessionKey() {
            sessionKeys.remember(Platform.BAIDU, OPENID, KEY_16);
            String data = PlatformEncryption.baidu(KEY_24, IV, "{}", BAIDU_APP_KEY);

            assertThatThrownBy(() -> decryptor.decrypt(Platform.BAIDU, OPENID, data, IV)).hasMessage(REFUSED);
        }

        @Test
        void refusesTamperedCiphertext() {
            sessionKeys.remember(Platform.BAIDU, OPENID, KEY_24);
            byte[] sealed = unbase64(PlatformEncryption.baidu(KEY_24, IV, "{\"openid\":\"" + OPENID.value() + "\"}", BAIDU_APP_KEY));
            sealed[sealed.length - 1] ^= 0x40;

            assertThatThrownBy(() -> decryptor.decrypt(Platform.BAIDU, OPENID, base64(sealed), IV)).hasMessage(REFUSED);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 33, 64})
        void refusesAPadOutsideOneTo32(int pad) {
            sessionKeys.remember(Platform.BAIDU, OPENID, KEY_24);
            byte[] plain = baiduLayout("{}".getBytes(StandardCharsets.US_ASCII), BAIDU_APP_KEY, 64);
            plain[63] = (byte) pad;

            assertThatThrownBy(() -> decryptor.decrypt(Platform.BAIDU, OPENID, PlatformEncryption.raw(KEY_24, IV, plain), IV))
                    .hasMessage(REFUSED);
        }

        @Test
        void refusesPadBytesThatDisagree() {
            sessionKeys.remember(Platform.BAIDU, OPENID, KEY_24);
            byte[] plain = baiduLayout("{}".getBytes(StandardCharsets.US_ASCII), BAIDU_APP_KEY, 64);
            int pad = plain[63];
            plain[64 - pad] = (byte) (pad + 1);

            assertThatThrownBy(() -> decryptor.decrypt(Platform.BAIDU, OPENID, PlatformEncryption.raw(KEY_24, IV, plain), IV))
                    .hasMessage(REFUSED);
        }

        @Test
        void refusesALengthFieldPastTheEnd() {
            sessionKeys.remember(Platform.BAIDU, OPENID, KEY_24);
            byte[] plain = baiduLayout("{}".getBytes(StandardCharsets.US_ASCII), BAIDU_APP_KEY, 64);
            plain[16] = (byte) 0xff;

            assertThatThrownBy(() -> decryptor.decrypt(Platform.BAIDU, OPENID, PlatformEncryption.raw(KEY_24, IV, plain), IV))
                    .hasMessage(REFUSED);
        }

        @Test
        void refusesContentThatIsNotJson() {
            sessionKeys.remember(Platform.BAIDU, OPENID, KEY_24);

            assertThatThrownBy(() -> decryptor.decrypt(Platform.BAIDU, OPENID,
                    PlatformEncryption.baidu(KEY_24, IV, "nickname=x", BAIDU_APP_KEY), IV)).hasMessage(REFUSED);
        }

        @Test
        void refusesDataNamingAnotherOpenid() {
            sessionKeys.remember(Platform.BAIDU, OPENID, KEY_24);

            assertThatThrownBy(() -> decryptor.decrypt(Platform.BAIDU, OPENID,
                    PlatformEncryption.baidu(KEY_24, IV, "{\"openid\":\"someoneElse\"}", BAIDU_APP_KEY), IV))
                    .hasMessage(REFUSED);
        }

        /** Baidu's plaintext, padded to {@code size} bytes (which must leave room for 1 to 32 pad bytes). */
        private static byte[] baiduLayout(byte[] content, String appKey, int size) {
            byte[] plain = new byte[size];
            byte[] key = appKey.getBytes(StandardCharsets.US_ASCII);
            plain[19] = (byte) content.length;
            System.arraycopy(content, 0, plain, 20, content.length);
            System.arraycopy(key, 0, plain, 20 + content.length, key.length);
            int pad = size - 20 - content.length - key.length;
            for (int i = size - pad; i < size; i++) {
                plain[i] = (byte) pad;
            }
            return plain;
        }
    }

    @Nested
    class Refusals {

        @Test
        void withoutASessionKey() {
            String data = PlatformEncryption.wechatStyle(KEY_16, IV, profile(WX_APPID));

            assertThatThrownBy(() -> decryptor.decrypt(Platform.WEIXIN, OPENID, data, IV))
                    .isInstanceOf(InvalidInputException.class).hasMessage("session key不存在");
        }

        @Test
        void aSessionKeyOfAnotherPlatformDoesNotCount() {
            sessionKeys.remember(Platform.WEIXIN, OPENID, KEY_16);
            String data = PlatformEncryption.wechatStyle(KEY_16, IV, profile(QQ_APPID));

            assertThatThrownBy(() -> decryptor.decrypt(Platform.QQ, OPENID, data, IV)).hasMessage("session key不存在");
        }

        @Test
        void withoutData() {
            sessionKeys.remember(Platform.QQ, OPENID, KEY_16);

            assertThatThrownBy(() -> decryptor.decrypt(Platform.QQ, OPENID, "", IV)).hasMessage("解密数据为空");
            assertThatThrownBy(() -> decryptor.decrypt(Platform.QQ, OPENID, null, IV)).hasMessage("解密数据为空");
            assertThatThrownBy(() -> decryptor.decrypt(Platform.QQ, OPENID, "abcd", "")).hasMessage("iv为空,请重试");
        }

        @ParameterizedTest
        @EnumSource(value = Platform.class, names = {"WEIXIN", "QQ", "TOUTIAO", "BAIDU"})
        void anIvThatIsNot24Characters(Platform platform) {
            sessionKeys.remember(platform, OPENID, KEY_16);

            assertThatThrownBy(() -> decryptor.decrypt(platform, OPENID, "abcd", "r7BXXKkLb8qrSNn05n0qiA="))
                    .hasMessage(REFUSED);
            assertThatThrownBy(() -> decryptor.decrypt(platform, OPENID, "abcd", IV + "AAAA"))
                    .hasMessage(REFUSED);
        }

        @Test
        void badBase64() {
            sessionKeys.remember(Platform.WEIXIN, OPENID, KEY_16);
            String data = PlatformEncryption.wechatStyle(KEY_16, IV, profile(WX_APPID));

            assertThatThrownBy(() -> decryptor.decrypt(Platform.WEIXIN, OPENID, "%%%" + data, IV)).hasMessage(REFUSED);
            assertThatThrownBy(() -> decryptor.decrypt(Platform.WEIXIN, OPENID, data.replace('+', ' '), IV))
                    .satisfies(e -> assertThat(data).contains("+"))
                    .hasMessage(REFUSED);
            assertThatThrownBy(() -> decryptor.decrypt(Platform.WEIXIN, OPENID, data, "r7BXXKkLb8qrSNn05n0q!A=="))
                    .hasMessage(REFUSED);
            assertThatThrownBy(() -> decryptor.decrypt(Platform.WEIXIN, OPENID, data, "r7BXXKkLb8qrSNn05n0qiAAA"))
                    .as("24 characters, but 18 bytes").hasMessage(REFUSED);
        }

        @Test
        void aStoredSessionKeyThatIsNotBase64() {
            sessionKeys.remember(Platform.WEIXIN, OPENID, "not base64 at all");
            String data = PlatformEncryption.wechatStyle(KEY_16, IV, profile(WX_APPID));

            assertThatThrownBy(() -> decryptor.decrypt(Platform.WEIXIN, OPENID, data, IV)).hasMessage(REFUSED);
        }

        @Test
        void aPlatformThatIsNotConfigured() {
            PayloadOpener bare = PayloadOpener.of(TestPlatforms.sealedFor(sessionKeys, Map.of(Platform.WEIXIN, " "), null));
            sessionKeys.remember(Platform.WEIXIN, OPENID, KEY_16);
            sessionKeys.remember(Platform.BAIDU, OPENID, KEY_24);

            assertThatThrownBy(() -> bare.decrypt(Platform.WEIXIN, OPENID, "abcd", IV)).hasMessage("微信小程序未配置");
            assertThatThrownBy(() -> bare.decrypt(Platform.QQ, OPENID, "abcd", IV)).hasMessage("QQ小程序未配置");
            assertThatThrownBy(() -> bare.decrypt(Platform.TOUTIAO, OPENID, "abcd", IV)).hasMessage("头条小程序未配置");
            assertThatThrownBy(() -> bare.decrypt(Platform.BAIDU, OPENID, "abcd", IV)).hasMessage("百度小程序未配置");
        }

        @Test
        void platformsWithoutEncryptedUserData() {
            assertThatThrownBy(() -> decryptor.decrypt(Platform.ALIPAY, OPENID, "abcd", IV))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("支付宝");
            assertThatThrownBy(() -> decryptor.decrypt(Platform.KUAISHOU, OPENID, "abcd", IV))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("快手");
        }
    }

    @Test
    void settingsNeverShowTheBaiduAppKey() {
        // DecryptionSettings is gone: Baidu's decryptor holds the key now.
        assertThat(TestPlatforms.parts(platforms, Platform.BAIDU).userData().toString()).doesNotContain(BAIDU_APP_KEY);
        assertThat(platforms.userData().toString()).doesNotContain(BAIDU_APP_KEY);
    }

    /** A session key store kept in a plain map, so these tests exercise only the decryptor. */
}
