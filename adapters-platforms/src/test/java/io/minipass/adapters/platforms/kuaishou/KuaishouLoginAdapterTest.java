package io.minipass.adapters.platforms.kuaishou;

import io.minipass.adapters.platforms.TestPlatforms;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.adapters.platforms.common.TestHttp;
import io.minipass.adapters.platforms.stub.StubPlatformServer;
import io.minipass.adapters.platforms.stub.StubPlatformServer.Answer;
import io.minipass.adapters.platforms.stub.StubPlatformServer.Received;
import io.minipass.application.port.out.LoginSession;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KuaishouLoginAdapterTest {
    private static final PlatformCredentials CREDENTIALS = new PlatformCredentials("ks000000001", "ks-demo-secret");
    private static final String SUCCESS = "{\"result\":1,\"open_id\":\"f0e1d2c3b4a5968778695a4b3c2d1e0f\","
            + "\"session_key\":\"a3VhaXNob3VkZW1va2V5MQ==\"}";

    private final StubPlatformServer kuaishou = StubPlatformServer.start();
    private final PlatformParts.Login adapter = TestPlatforms.login(Platform.KUAISHOU, CREDENTIALS, kuaishou.baseUrl(), TestHttp.http());

    @AfterEach
    void stopStub() {
        kuaishou.close();
    }

    @Test
    void postsTheCodeAsAFormAndReadsOpenId() {
        kuaishou.answer(Answer.json(SUCCESS).withContentType("text/plain"));

        LoginSession session = adapter.exchange("ksCode1");

        assertThat(session.identity().platform()).isEqualTo(Platform.KUAISHOU);
        assertThat(session.identity().openId().value()).isEqualTo("f0e1d2c3b4a5968778695a4b3c2d1e0f");
        assertThat(session.identity().unionId()).isEmpty();
        assertThat(session.sessionKey()).isEqualTo("a3VhaXNob3VkZW1va2V5MQ==");
        Received request = kuaishou.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/oauth2/mp/code2session");
        assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(request.form()).isEqualTo(Map.of("app_id", "ks000000001", "app_secret", "ks-demo-secret",
                "js_code", "ksCode1"));
    }

    @Test
    void readsEscapedSlashes() {
        kuaishou.answer(Answer.json("{\"result\":1,\"open_id\":\"f0\\/e1\",\"session_key\":\"a3Vh\\/aXNo\"}"));

        assertThat(adapter.exchange("code").identity().openId().value()).isEqualTo("f0/e1");
    }

    @Test
    void anyResultButOneIsARefusal() {
        kuaishou.answer(Answer.json("{\"result\":100200100,\"error_msg\":\"invalid code (made-up value)\"}"));

        assertThatThrownBy(() -> adapter.exchange("code"))
                .isInstanceOf(PlatformCallFailedException.class)
                .hasMessage("快手登录失败[100200100: invalid code (made-up value)]")
                .hasMessageNotContaining("ks-demo-secret");
        assertThat(kuaishou.received()).hasSize(1);
    }

    @Test
    void aMissingResultIsARefusalEvenWithAnOpenId() {
        kuaishou.answer(Answer.json("{\"open_id\":\"f0e1\",\"session_key\":\"a3Vh\"}"));

        assertThatThrownBy(() -> adapter.exchange("code")).hasMessage("快手登录失败[result缺失]");
    }

    @Test
    void successWithoutOpenIdFails() {
        kuaishou.answer(Answer.json("{\"result\":1,\"session_key\":\"a3Vh\"}"));

        assertThatThrownBy(() -> adapter.exchange("code")).hasMessage("快手登录失败[未返回openid]");
    }

    @Test
    void aBodyThatIsNotJsonIsUnreadable() {
        kuaishou.answer(new Answer(200, "text/html", "<html></html>", Duration.ZERO));

        assertThatThrownBy(() -> adapter.exchange("code")).hasMessage("快手接口返回格式有误");
    }

    @Test
    void aSlowAnswerTimesOut() {
        PlatformParts.Login impatient = TestPlatforms.login(Platform.KUAISHOU, CREDENTIALS, kuaishou.baseUrl(), TestHttp.impatientHttp());
        kuaishou.answer(Answer.json(SUCCESS).delayedBy(TestHttp.STALL));

        assertThatThrownBy(() -> impatient.exchange("code")).hasMessage("快手接口请求超时");
    }

    @Test
    void withoutCredentialsNothingIsSent() {
        PlatformParts.Login unconfigured = TestPlatforms.login(Platform.KUAISHOU, null, kuaishou.baseUrl(), TestHttp.http());

        assertThatThrownBy(() -> unconfigured.exchange("code"))
                .hasMessage("快手小程序未配置[app_id/app_secret]");
        assertThat(kuaishou.received()).isEmpty();
    }
}
