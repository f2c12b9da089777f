package io.minipass.adapters.platforms.toutiao;

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
import io.minipass.domain.user.UnionId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToutiaoLoginAdapterTest {
    private static final PlatformCredentials CREDENTIALS = new PlatformCredentials("ttdemo0001", "tt-demo-secret");
    private static final String SUCCESS = "{\"err_no\":0,\"err_tips\":\"success\",\"log_id\":\"2024010112000001DEMO\","
            + "\"data\":{\"session_key\":\"Zm9vYmFyYmF6cXV4MTIzNA==\",\"openid\":\"_000DemoOpenId00000000\","
            + "\"anonymous_openid\":\"\",\"unionid\":\"1f2e3d4c-demo-unionid\"}}";

    private final StubPlatformServer toutiao = StubPlatformServer.start();
    private final PlatformParts.Login adapter = TestPlatforms.login(Platform.TOUTIAO, CREDENTIALS, toutiao.baseUrl(), TestHttp.http());

    @AfterEach
    void stopStub() {
        toutiao.close();
    }

    @Test
    void postsTheCodeAsJsonAndReadsTheDataNode() {
        toutiao.answer(Answer.json(SUCCESS));

        LoginSession session = adapter.exchange("ttCode1");

        assertThat(session.identity().platform()).isEqualTo(Platform.TOUTIAO);
        assertThat(session.identity().openId().value()).isEqualTo("_000DemoOpenId00000000");
        assertThat(session.identity().unionId()).contains(new UnionId("1f2e3d4c-demo-unionid"));
        assertThat(session.sessionKey()).isEqualTo("Zm9vYmFyYmF6cXV4MTIzNA==");
        Received request = toutiao.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/apps/v2/jscode2session");
        assertThat(request.rawQuery()).isNull();
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(request.json().get("appid").asText()).isEqualTo("ttdemo0001");
        assertThat(request.json().get("secret").asText()).isEqualTo("tt-demo-secret");
        assertThat(request.json().get("code").asText()).isEqualTo("ttCode1");
        assertThat(request.json().size()).isEqualTo(3);
    }

    @Test
    void anEmptyUnionIdIsNone() {
        toutiao.answer(Answer.json("{\"err_no\":0,\"err_tips\":\"success\",\"data\":{\"session_key\":\"a2V5\","
                + "\"openid\":\"_000Demo\\/Two\",\"anonymous_openid\":\"\",\"unionid\":\"\"}}").withContentType("text/plain"));

        LoginSession session = adapter.exchange("code");

        assertThat(session.identity().openId().value()).isEqualTo("_000Demo/Two");
        assertThat(session.identity().unionId()).isEmpty();
    }

    @Test
    void aRefusedCodeIsReportedAndNotRetried() {
        toutiao.answer(Answer.json("{\"err_no\":40018,\"err_tips\":\"bad code\",\"log_id\":\"L1\",\"data\":{}}"));

        assertThatThrownBy(() -> adapter.exchange("code"))
                .isInstanceOf(PlatformCallFailedException.class)
                .hasMessage("头条登录失败[40018: bad code]")
                .hasMessageNotContaining("tt-demo-secret");
        assertThat(toutiao.received()).hasSize(1);
    }

    @Test
    void aBadSecretIsReported() {
        toutiao.answer(Answer.json("{\"err_no\":40017,\"err_tips\":\"bad secret\"}"));

        assertThatThrownBy(() -> adapter.exchange("code")).hasMessage("头条登录失败[40017: bad secret]");
    }

    @Test
    void theLegacyErrorShapeIsUnderstood() {
        toutiao.answer(Answer.json("{\"errcode\":40018,\"errmsg\":\"bad code\"}"));

        assertThatThrownBy(() -> adapter.exchange("code")).hasMessage("头条登录失败[40018: bad code]");
    }

    @Test
    void systemErrorIsTriedOnceMore() {
        toutiao.answer(Answer.json("{\"err_no\":-1,\"err_tips\":\"system error\"}"), Answer.json(SUCCESS));

        assertThat(adapter.exchange("code").identity().openId().value()).isEqualTo("_000DemoOpenId00000000");
        assertThat(toutiao.received()).hasSize(2);
    }

    @Test
    void systemErrorTwiceFails() {
        toutiao.answer(Answer.json("{\"err_no\":-1,\"err_tips\":\"system error\"}"),
                Answer.json("{\"err_no\":-1,\"err_tips\":\"system error\"}"));

        assertThatThrownBy(() -> adapter.exchange("code")).hasMessage("头条登录失败[-1: system error]");
        assertThat(toutiao.received()).hasSize(2);
    }

    @Test
    void successWithoutDataFails() {
        toutiao.answer(Answer.json("{\"err_no\":0,\"err_tips\":\"success\"}"));

        assertThatThrownBy(() -> adapter.exchange("code")).hasMessage("头条登录失败[未返回openid]");
    }

    @Test
    void aBodyThatIsNotJsonIsUnreadable() {
        toutiao.answer(new Answer(500, "text/html", "<h1>500</h1>", Duration.ZERO));

        assertThatThrownBy(() -> adapter.exchange("code")).hasMessage("头条接口返回格式有误");
    }

    @Test
    void aSlowAnswerTimesOut() {
        PlatformParts.Login impatient = TestPlatforms.login(Platform.TOUTIAO, CREDENTIALS, toutiao.baseUrl(), TestHttp.impatientHttp());
        toutiao.answer(Answer.json(SUCCESS).delayedBy(TestHttp.STALL));

        assertThatThrownBy(() -> impatient.exchange("code")).hasMessage("头条接口请求超时");
        assertThat(toutiao.received()).hasSize(1);
    }

    @Test
    void withoutCredentialsNothingIsSent() {
        PlatformParts.Login unconfigured = TestPlatforms.login(Platform.TOUTIAO, new PlatformCredentials("", "x"), toutiao.baseUrl(),
                TestHttp.http());

        assertThatThrownBy(() -> unconfigured.exchange("code")).hasMessage("头条小程序未配置[appid]");
        assertThat(toutiao.received()).isEmpty();
    }
}
