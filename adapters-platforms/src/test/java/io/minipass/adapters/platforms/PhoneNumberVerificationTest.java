package io.minipass.adapters.platforms;

import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.crypto.PlatformEncryption;
import io.minipass.adapters.platforms.stub.WechatStub;
import io.minipass.application.testing.TestClock;
import io.minipass.domain.user.PhoneProof;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.PhoneProof;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberVerificationTest {
    private static final OpenId OPENID = new OpenId("oDemo1xYzAbCdEfGhIjKlMnOpQr");
    private static final String TT_APPID = "ttDemoAppid000001";
    private static final String BAIDU_APP_KEY = "DemoBaiduAppKey0123456789abcdefg";
    private static final String KEY_16 = PlatformEncryption.base64("sixteen byte key".getBytes(StandardCharsets.US_ASCII));
    private static final String KEY_24 = PlatformEncryption.base64("twenty-four byte key 24!".getBytes(StandardCharsets.US_ASCII));
    private static final String IV = PlatformEncryption.base64("initial vector16".getBytes(StandardCharsets.US_ASCII));

    private final InMemorySessionKeys sessionKeys = new InMemorySessionKeys();
    private final TestClock clock = new TestClock(Instant.parse("2024-01-01T00:00:00Z"));
    private WechatStub wechat;
    private VerifyPhoneNumberPort verifier;

    @BeforeEach
    void startStub() throws IOException {
        wechat = new WechatStub();
        verifier = verifierFor(wechat.baseUrl(), Duration.ofSeconds(2));
    }

    @AfterEach
    void stopStub() {
        wechat.close();
    }

    private VerifyPhoneNumberPort verifierFor(URI baseUrl, Duration timeout) {
        return verifierFor(baseUrl, WechatStub.APPID, WechatStub.SECRET, timeout);
    }

    private VerifyPhoneNumberPort verifierFor(URI baseUrl, String appId, String secret, Duration timeout) {
        return TestPlatforms.withWechatAt(baseUrl, appId, secret, timeout,
                Map.of(Platform.TOUTIAO, TT_APPID, Platform.QQ, "1110000001"), BAIDU_APP_KEY, sessionKeys, clock).phoneNumbers();
    }

    private static PhoneProof code(String code) {
        return new PhoneProof(code, null, null);
    }

    @Nested
    class WechatCode {

        @Test
        void tradesTheCodeForThePurePhoneNumber() {
            assertThat(verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("phone-code-1"))).isEqualTo("13800138000");

            assertThat(wechat.tokenRequests).singleElement().satisfies(request -> assertThat(request)
                    .startsWith("POST ")
                    .contains("\"grant_type\":\"client_credential\"")
                    .contains("\"appid\":\"" + WechatStub.APPID + "\"")
                    .contains("\"secret\":\"" + WechatStub.SECRET + "\""));
            assertThat(wechat.phoneRequests).containsExactly("POST application/json; charset=utf-8 {\"code\":\"phone-code-1\"}");
            assertThat(wechat.phoneTokens).containsExactly("TOKEN-1");
        }

        @Test
        void prefersThePureNumberAndFallsBackToPhoneNumber() {
            wechat.phoneInfo = "{\"phoneNumber\":\"+1 2025550123\",\"purePhoneNumber\":\"2025550123\",\"countryCode\":\"1\"}";
            assertThat(verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("c"))).isEqualTo("2025550123");

            wechat.phoneInfo = "{\"phoneNumber\":\"13900139000\",\"countryCode\":86}";
            assertThat(verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("c"))).isEqualTo("13900139000");
        }

        @Test
        void anAnswerWithoutANumberIsAFailedCall() {
            wechat.phoneInfo = "{\"countryCode\":\"86\"}";

            assertThatThrownBy(() -> verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("c")))
                    .isInstanceOf(PlatformCallFailedException.class).hasMessageContaining("微信获取手机号失败");
        }

        @Test
        void aNumberWatermarkedForAnotherAppIsRefused() {
            wechat.phoneInfo = "{\"purePhoneNumber\":\"13800138000\",\"watermark\":{\"appid\":\"wxSomeoneElse\"}}";

            assertThatThrownBy(() -> verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("c")))
                    .isInstanceOf(PlatformCallFailedException.class).hasMessage("微信手机号校验失败");
        }

        @Test
        void keepsTheAccessTokenAcrossCalls() {
            for (int i = 0; i < 3; i++) {
                verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("c" + i));
            }

            assertThat(wechat.tokenFetches).hasValue(1);
            assertThat(wechat.phoneTokens).containsExactly("TOKEN-1", "TOKEN-1", "TOKEN-1");
        }

        @Test
        void fetchesANewTokenShortlyBeforeTheOldOneExpires() {
            verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("c1"));
            clock.advance(Duration.ofSeconds(7000));
            verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("c2"));
            clock.advance(Duration.ofSeconds(100));
            verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("c3"));

            assertThat(wechat.tokenFetches).hasValue(2);
            assertThat(wechat.phoneTokens).containsExactly("TOKEN-1", "TOKEN-1", "TOKEN-2");
        }

        @Test
        void concurrentCallersShareOneTokenFetch() throws Exception {
            wechat.tokenDelayMillis = 200;
            int callers = 8;
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<String>> numbers = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    String phoneCode = "c" + i;
                    numbers.add(pool.submit(() -> {
                        start.await();
                        return verifier.verifiedMobile(Platform.WEIXIN, OPENID, code(phoneCode));
                    }));
                }
                start.countDown();
                for (Future<String> number : numbers) {
                    assertThat(number.get(10, TimeUnit.SECONDS)).isEqualTo("13800138000");
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(wechat.tokenFetches).hasValue(1);
            assertThat(wechat.phoneCalls).hasValue(callers);
        }

        @Test
        void anInvalidTokenIsReplacedOnceAndTheCallMadeAgain() {
            verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("c1"));
            wechat.invalidateToken();

            assertThat(verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("c2"))).isEqualTo("13800138000");

            assertThat(wechat.tokenFetches).hasValue(2);
            assertThat(wechat.phoneTokens).containsExactly("TOKEN-1", "TOKEN-1", "TOKEN-2");
            assertThat(wechat.phoneRequests).last().asString().endsWith("{\"code\":\"c2\"}");
        }

        @Test
        void anInvalidAccessTokenIsReplacedToo() {
            wechat.scriptedPhoneAnswers.add("{\"errcode\":40014,\"errmsg\":\"invalid access_token, rid: 6500-demo\"}");

            assertThat(verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("c1"))).isEqualTo("13800138000");
            assertThat(wechat.tokenFetches).hasValue(2);
            assertThat(wechat.phoneCalls).hasValue(2);
        }

        @Test
        void anExpiredTokenIsReplacedToo() {
            wechat.scriptedPhoneAnswers.add("{\"errcode\":42001,\"errmsg\":\"access_token expired, rid: 6500-demo\"}");

            assertThat(verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("c1"))).isEqualTo("13800138000");
            assertThat(wechat.tokenFetches).hasValue(2);
            assertThat(wechat.phoneCalls).hasValue(2);
        }

        @Test
        void retriesOnlyOnce() {
            wechat.scriptedPhoneAnswers.add("{\"errcode\":40001,\"errmsg\":\"invalid credential, rid: a\"}");
            wechat.scriptedPhoneAnswers.add("{\"errcode\":40001,\"errmsg\":\"invalid credential, rid: b\"}");

            assertThatThrownBy(() -> verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("c1")))
                    .isInstanceOf(PlatformCallFailedException.class)
                    .hasMessage("微信获取手机号失败[40001: invalid credential]");
            assertThat(wechat.tokenFetches).hasValue(2);
            assertThat(wechat.phoneCalls).hasValue(2);
        }

        @Test
        void namesWechatsErrorWithoutTheRequestId() {
            wechat.scriptedPhoneAnswers.add("{\"errcode\":40029,\"errmsg\":\"invalid code, rid: 65f3e9f7-77cf1a1c-0dd74a0e\"}");

            assertThatThrownBy(() -> verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("used-code")))
                    .isInstanceOf(PlatformCallFailedException.class)
                    .hasMessage("微信获取手机号失败[40029: invalid code]")
                    .satisfies(e -> assertThat(((PlatformCallFailedException) e).platform()).isEqualTo(Platform.WEIXIN));
            assertThat(wechat.tokenFetches).hasValue(1);
        }

        @Test
        void aRefusedTokenIsAFailedCallNamingWechatsError() {
            wechat.scriptedTokenAnswers.add("{\"errcode\":40013,\"errmsg\":\"invalid appid rid: 65f3-demo\"}");

            assertThatThrownBy(() -> verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("c1")))
                    .isInstanceOf(PlatformCallFailedException.class)
                    .hasMessage("微信获取access_token失败[40013: invalid appid]")
                    .hasMessageNotContaining(WechatStub.SECRET);
            assertThat(wechat.phoneCalls).hasValue(0);
        }

        @Test
        void aSlowAnswerTimesOut() {
            wechat.phoneDelayMillis = 3_000;
            VerifyPhoneNumberPort impatient = verifierFor(wechat.baseUrl(), Duration.ofMillis(300));

            assertThatThrownBy(() -> impatient.verifiedMobile(Platform.WEIXIN, OPENID, code("c1")))
                    .isInstanceOf(PlatformCallFailedException.class).hasMessage("微信接口请求超时");
        }

        @Test
        void anUnreadableAnswerIsAFailedCall() {
            wechat.phoneHttpStatus = 502;
            wechat.scriptedPhoneAnswers.add("<html><body>502 Bad Gateway</body></html>");

            assertThatThrownBy(() -> verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("c1")))
                    .isInstanceOf(PlatformCallFailedException.class).hasMessage("微信接口返回数据无法解析[HTTP 502]");
        }

        @Test
        void anAnswerWithAnOverlongNumberIsAFailedCall() {
            wechat.scriptedPhoneAnswers.add("{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":{\"purePhoneNumber\":1e999999999}}");

            assertThatThrownBy(() -> verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("c1")))
                    .isInstanceOf(PlatformCallFailedException.class).hasMessage("微信接口返回数据无法解析[HTTP 200]");
        }

        @Test
        void aTokenAnswerWithAnOverlongNumberIsAFailedCall() {
            wechat.scriptedTokenAnswers.add("{\"access_token\":\"T\",\"expires_in\":1e999999999}");

            assertThatThrownBy(() -> verifier.verifiedMobile(Platform.WEIXIN, OPENID, code("c1")))
                    .isInstanceOf(PlatformCallFailedException.class).hasMessage("微信接口返回数据无法解析[HTTP 200]");
            assertThat(wechat.phoneCalls).hasValue(0);
        }

        @Test
        void anUnreachableWechatIsAFailedCall() throws IOException {
            URI closed;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
            }

            assertThatThrownBy(() -> verifierFor(closed, Duration.ofSeconds(2)).verifiedMobile(Platform.WEIXIN, OPENID, code("c1")))
                    .isInstanceOf(PlatformCallFailedException.class).hasMessage("微信接口请求失败");
        }

        @Test
        void anUnconfiguredWechatIsAFailedCall() {
            VerifyPhoneNumberPort bare = verifierFor(wechat.baseUrl(), "", "", Duration.ofSeconds(2));

            assertThatThrownBy(() -> bare.verifiedMobile(Platform.WEIXIN, OPENID, code("c1")))
                    .isInstanceOf(PlatformCallFailedException.class).hasMessage("微信小程序未配置");
            assertThat(wechat.tokenFetches).hasValue(0);
        }
    }

    @Nested
    class WechatLegacyDecrypt {

        @Test
        void opensEncryptedPhoneDataWhenThereIsNoCode() {
            sessionKeys.remember(Platform.WEIXIN, OPENID, KEY_16);
            String data = PlatformEncryption.wechatStyle(KEY_16, IV, "{\"phoneNumber\":\"13800138000\",\"purePhoneNumber\":\"13800138000\","
                    + "\"countryCode\":\"86\",\"watermark\":{\"timestamp\":1700000000,\"appid\":\"" + WechatStub.APPID + "\"}}");

            assertThat(verifier.verifiedMobile(Platform.WEIXIN, OPENID, new PhoneProof("", data, IV))).isEqualTo("13800138000");
            assertThat(wechat.phoneCalls).hasValue(0);
        }

        @Test
        void refusesPhoneDataWatermarkedForAnotherApp() {
            sessionKeys.remember(Platform.WEIXIN, OPENID, KEY_16);
            String data = PlatformEncryption.wechatStyle(KEY_16, IV,
                    "{\"purePhoneNumber\":\"13800138000\",\"watermark\":{\"appid\":\"wxSomeoneElse\"}}");

            assertThatThrownBy(() -> verifier.verifiedMobile(Platform.WEIXIN, OPENID, new PhoneProof(null, data, IV)))
                    .isInstanceOf(InvalidInputException.class).hasMessage("解密失败，请重新登录");
        }

        @Test
        void theCodeWinsOverEncryptedData() {
            assertThat(verifier.verifiedMobile(Platform.WEIXIN, OPENID, new PhoneProof("c1", "garbage", IV)))
                    .isEqualTo("13800138000");
        }

        @Test
        void refusesMissingProof() {
            assertThatThrownBy(() -> verifier.verifiedMobile(Platform.WEIXIN, OPENID, new PhoneProof(null, null, null)))
                    .isInstanceOf(InvalidInputException.class).hasMessage("code为空");
            assertThatThrownBy(() -> verifier.verifiedMobile(Platform.WEIXIN, OPENID, new PhoneProof("", "abcd", "")))
                    .isInstanceOf(InvalidInputException.class).hasMessage("iv为空,请重试");
        }
    }

    @Nested
    class Toutiao {

        @Test
        void opensWatermarkedPhoneData() {
            sessionKeys.remember(Platform.TOUTIAO, OPENID, KEY_16);
            String data = PlatformEncryption.wechatStyle(KEY_16, IV, "{\"phoneNumber\":\"+86 13800138000\",\"purePhoneNumber\":\"13800138000\","
                    + "\"countryCode\":\"86\",\"watermark\":{\"appid\":\"" + TT_APPID + "\",\"timestamp\":1700000000}}");

            assertThat(verifier.verifiedMobile(Platform.TOUTIAO, OPENID, new PhoneProof(null, data, IV))).isEqualTo("13800138000");
        }

        @Test
        void phoneDataMustCarryTheWatermark() {
            sessionKeys.remember(Platform.TOUTIAO, OPENID, KEY_16);
            String data = PlatformEncryption.wechatStyle(KEY_16, IV, "{\"purePhoneNumber\":\"13800138000\"}");

            assertThatThrownBy(() -> verifier.verifiedMobile(Platform.TOUTIAO, OPENID, new PhoneProof(null, data, IV)))
                    .isInstanceOf(InvalidInputException.class).hasMessage("解密失败，请重新登录");
        }

        @Test
        void refusesDataWithoutSessionKey() {
            String data = PlatformEncryption.wechatStyle(KEY_16, IV, "{\"purePhoneNumber\":\"13800138000\"}");

            assertThatThrownBy(() -> verifier.verifiedMobile(Platform.TOUTIAO, OPENID, new PhoneProof(null, data, IV)))
                    .isInstanceOf(InvalidInputException.class).hasMessage("session key不存在");
        }
    }

    @Nested
    class Baidu {

        @Test
        void readsTheMobileFromBaiduSealedData() {
            sessionKeys.remember(Platform.BAIDU, OPENID, KEY_24);
            String data = PlatformEncryption.baidu(KEY_24, IV, "{\"mobile\":\"13800138000\"}", BAIDU_APP_KEY);

            assertThat(verifier.verifiedMobile(Platform.BAIDU, OPENID, new PhoneProof(null, data, IV))).isEqualTo("13800138000");
        }

        @Test
        void dataWithoutAMobileGivesNone() {
            sessionKeys.remember(Platform.BAIDU, OPENID, KEY_24);
            String data = PlatformEncryption.baidu(KEY_24, IV, "{\"mobile\":\"  \"}", BAIDU_APP_KEY);

            assertThatThrownBy(() -> verifier.verifiedMobile(Platform.BAIDU, OPENID, new PhoneProof(null, data, IV)))
                    .isInstanceOf(InvalidInputException.class).hasMessage("手机号码为空");
        }

        @Test
        void refusesDataForAnotherAppKey() {
            sessionKeys.remember(Platform.BAIDU, OPENID, KEY_24);
            String data = PlatformEncryption.baidu(KEY_24, IV, "{\"mobile\":\"13800138000\"}", "SomeoneElsesAppKey0123456789abcd");

            assertThatThrownBy(() -> verifier.verifiedMobile(Platform.BAIDU, OPENID, new PhoneProof(null, data, IV)))
                    .isInstanceOf(InvalidInputException.class).hasMessage("解密失败，请重新登录");
        }

        @Test
        void refusesMissingProof() {
            assertThatThrownBy(() -> verifier.verifiedMobile(Platform.BAIDU, OPENID, new PhoneProof("c", "", IV)))
                    .isInstanceOf(InvalidInputException.class).hasMessage("解密数据为空");
            assertThatThrownBy(() -> verifier.verifiedMobile(Platform.BAIDU, OPENID, new PhoneProof(null, "abcd", null)))
                    .isInstanceOf(InvalidInputException.class).hasMessage("iv为空,请重试");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"QQ", "KUAISHOU", "ALIPAY"})
    void platformsWithoutPhoneBindingAreNamed(Platform platform) {
        assertThatThrownBy(() -> verifier.verifiedMobile(platform, OPENID, new PhoneProof("c", "abcd", IV)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("小程序暂不支持手机号一键绑定")
                .hasMessageStartingWith(switch (platform) {
                    case QQ -> "QQ";
                    case KUAISHOU -> "快手";
                    default -> "支付宝";
                });
    }

    @Test
    void settingsNeverShowTheSecret() {
        assertThat(new PlatformCredentials(WechatStub.APPID, WechatStub.SECRET).toString()).doesNotContain(WechatStub.SECRET);
    }
}
