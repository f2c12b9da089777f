package io.minipass.adapters.platforms;

import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.adapters.platforms.stub.StubPlatformServer;
import io.minipass.adapters.platforms.stub.StubPlatformServer.Answer;
import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.LoginSession;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformRouterTest {

    @Test
    void routesEachCodeToItsPlatformsGateway() {
        Map<Platform, PlatformParts> parts = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            parts.put(platform, new PlatformParts(
                    code -> new LoginSession(new PlatformIdentity(platform, new OpenId(platform.clientType() + "-" + code),
                            Optional.empty()), "", Optional.empty()),
                    PlatformParts.noUserData(platform), PlatformParts.noPhoneBinding(platform), 16));
        }
        ExchangeLoginCodePort gateways = new PlatformRouter(parts);

        assertThat(gateways.exchange(Platform.QQ, "c1").identity().openId().value()).isEqualTo("qq-c1");
        assertThat(gateways.exchange(Platform.BAIDU, "c2").identity().openId().value()).isEqualTo("baidu-c2");
        assertThatNullPointerException().isThrownBy(() -> gateways.exchange(null, "c3"));
    }

    @Test
    void everyPlatformHasItsParts() {
        PlatformParts qq = new PlatformParts(code -> null, PlatformParts.noUserData(Platform.QQ),
                PlatformParts.noPhoneBinding(Platform.QQ), 16);

        assertThatIllegalArgumentException().isThrownBy(() -> new PlatformRouter(Map.of(Platform.QQ, qq)));
    }

    @Test
    void createsRealGatewaysAtTheConfiguredEndpoints() {
        try (StubPlatformServer stub = StubPlatformServer.start()) {
            stub.answer(Answer.json("{\"openid\":\"oDemo\",\"session_key\":\"a2V5\"}"),
                    Answer.json("{\"openid\":\"k9Demo\",\"session_key\":\"MWRm\"}"));
            PlatformGatewaySettings settings = new PlatformGatewaySettings(Map.of(
                    Platform.WEIXIN, new PlatformCredentials("wxdemo", "wx-secret"),
                    Platform.BAIDU, new PlatformCredentials("1", "bd-secret", "bdkey", "", "")),
                    TestPlatforms.allAt(stub.baseUrl()), Duration.ofSeconds(2), Duration.ofSeconds(5));
            ExchangeLoginCodePort gateways = TestPlatforms.create(settings, new InMemorySessionKeys(), Clock.systemUTC()).loginGateways();

            assertThat(gateways.exchange(Platform.WEIXIN, "c1").identity().openId().value()).isEqualTo("oDemo");
            assertThat(gateways.exchange(Platform.BAIDU, "c2").identity().openId().value()).isEqualTo("k9Demo");
            assertThatThrownBy(() -> gateways.exchange(Platform.KUAISHOU, "c3"))
                    .hasMessage("快手小程序未配置[app_id/app_secret]");
            assertThatThrownBy(() -> gateways.exchange(Platform.ALIPAY, "c4"))
                    .hasMessage("支付宝小程序未配置[app_id/app_private_key/alipay_public_key]");
            assertThat(stub.received()).extracting(StubPlatformServer.Received::path)
                    .containsExactly("/sns/jscode2session", "/oauth/jscode2sessionkey");
        }
    }

    @Test
    void defaultsToTheOfficialEndpointsAndFiveSeconds() {
        assertThat(TestPlatforms.NO_SETTINGS.endpoints().of(Platform.WEIXIN)).isEmpty();
        assertThat(officialBaseUrl(Platform.WEIXIN)).hasToString("https://api.weixin.qq.com");
        assertThat(officialBaseUrl(Platform.QQ)).hasToString("https://api.q.qq.com");
        assertThat(officialBaseUrl(Platform.TOUTIAO)).hasToString("https://developer.toutiao.com");
        assertThat(officialBaseUrl(Platform.BAIDU)).hasToString("https://spapi.baidu.com");
        assertThat(officialBaseUrl(Platform.KUAISHOU)).hasToString("https://open.kuaishou.com");
        assertThat(officialBaseUrl(Platform.ALIPAY)).hasToString("https://openapi.alipay.com");
        assertThat(TestPlatforms.NO_SETTINGS.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(TestPlatforms.NO_SETTINGS.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void refusesEndpointsThatAreNotHttpUrls() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestPlatforms.allAt(URI.create("ftp://example.com")));
        assertThatIllegalArgumentException().isThrownBy(() -> TestPlatforms.allAt(URI.create("api.weixin.qq.com")));
    }

    private static URI officialBaseUrl(Platform platform) {
        return Platforms.module(platform).officialBaseUrl();
    }
}
