package io.minipass.adapters.platforms.baidu;

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

class BaiduLoginAdapterTest {
    private static final PlatformCredentials CREDENTIALS = new PlatformCredentials("10000001", "baidu-demo-secret", "DemoAppKeyBaidu0001", "", "");
    private static final String SUCCESS = "{\"openid\":\"k9DemoOpenidBaidu0000000\",\"session_key\":\"MWRmMDlkMGExNjc3ZGQ3MmI4MzI1YWVj\"}";

    private final StubPlatformServer baidu = StubPlatformServer.start();
    private final PlatformParts.Login adapter = TestPlatforms.login(Platform.BAIDU, CREDENTIALS, baidu.baseUrl(), TestHttp.http());

    @AfterEach
    void stopStub() {
        baidu.close();
    }

    @Test
    void postsTheCodeWithTheAppKeyAsAForm() {
        baidu.answer(Answer.json(SUCCESS).withContentType(null));

        LoginSession session = adapter.exchange("bdCode1");

        assertThat(session.identity().platform()).isEqualTo(Platform.BAIDU);
        assertThat(session.identity().openId().value()).isEqualTo("k9DemoOpenidBaidu0000000");
        assertThat(session.identity().unionId()).isEmpty();
        assertThat(session.sessionKey()).isEqualTo("MWRmMDlkMGExNjc3ZGQ3MmI4MzI1YWVj");
        Received request = baidu.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/oauth/jscode2sessionkey");
        assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(request.form()).isEqualTo(Map.of("code", "bdCode1", "client_id", "DemoAppKeyBaidu0001",
                "sk", "baidu-demo-secret"));
    }

    @Test
    void readsEscapedSlashes() {
        baidu.answer(Answer.json("{\"openid\":\"k9\\/Demo\",\"session_key\":\"MWRm\\/DlkMGEx\"}").withContentType("text/plain"));

        LoginSession session = adapter.exchange("code");

        assertThat(session.identity().openId().value()).isEqualTo("k9/Demo");
        assertThat(session.sessionKey()).isEqualTo("MWRm/DlkMGEx");
    }

    @Test
    void anOAuthErrorWithHttp400IsReported() {
        baidu.answer(Answer.json("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid authorization code: 8ba0demo\"}")
                .withStatus(400));

        assertThatThrownBy(() -> adapter.exchange("code"))
                .isInstanceOf(PlatformCallFailedException.class)
                .hasMessage("百度登录失败[invalid_grant: Invalid authorization code: 8ba0demo]")
                .hasMessageNotContaining("baidu-demo-secret");
        assertThat(baidu.received()).hasSize(1);
    }

    @Test
    void anOAuthErrorWithHttp200IsReportedToo() {
        baidu.answer(Answer.json("{\"error\":\"invalid_client\",\"error_description\":\"unknown client id\"}"));

        assertThatThrownBy(() -> adapter.exchange("code"))
                .hasMessage("百度登录失败[invalid_client: unknown client id]");
    }

    @Test
    void aNumericErrnoIsReported() {
        baidu.answer(Answer.json("{\"errno\":40001,\"errmsg\":\"code has been used\",\"request_id\":\"r1\"}"));

        assertThatThrownBy(() -> adapter.exchange("code"))
                .hasMessage("百度登录失败[40001: code has been used]");
        assertThat(baidu.received()).hasSize(1);
    }

    @Test
    void errnoZeroIsSuccess() {
        baidu.answer(Answer.json("{\"errno\":0,\"openid\":\"k9Demo\",\"session_key\":\"MWRm\"}"));

        assertThat(adapter.exchange("code").identity().openId().value()).isEqualTo("k9Demo");
    }

    @Test
    void aBodyThatIsNotJsonIsUnreadable() {
        baidu.answer(new Answer(400, "text/html", "<html>Bad Request</html>", Duration.ZERO));

        assertThatThrownBy(() -> adapter.exchange("code")).hasMessage("百度接口返回格式有误");
    }

    @Test
    void anEmptyBodyIsUnreadable() {
        baidu.answer(new Answer(200, "application/json", "", Duration.ZERO));

        assertThatThrownBy(() -> adapter.exchange("code")).hasMessage("百度接口返回格式有误");
    }

    @Test
    void aSlowAnswerTimesOut() {
        PlatformParts.Login impatient = TestPlatforms.login(Platform.BAIDU, CREDENTIALS, baidu.baseUrl(), TestHttp.impatientHttp());
        baidu.answer(Answer.json(SUCCESS).delayedBy(TestHttp.STALL));

        assertThatThrownBy(() -> impatient.exchange("code")).hasMessage("百度接口请求超时");
    }

    @Test
    void withoutAppKeyAndSecretNothingIsSent() {
        PlatformParts.Login unconfigured = TestPlatforms.login(Platform.BAIDU, new PlatformCredentials("10000001", null, "", "", ""),
                baidu.baseUrl(), TestHttp.http());

        assertThatThrownBy(() -> unconfigured.exchange("code")).hasMessage("百度小程序未配置[appkey/secret]");
        assertThat(baidu.received()).isEmpty();
    }

    @Test
    void credentialsNeverShowTheSecret() {
        assertThat(CREDENTIALS.toString()).contains("DemoAppKeyBaidu0001").doesNotContain("baidu-demo-secret");
    }
}
