package io.minipass.adapters.platforms.qq;

import io.minipass.adapters.platforms.TestPlatforms;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.adapters.platforms.common.TestHttp;
import io.minipass.adapters.platforms.stub.StubPlatformServer;
import io.minipass.adapters.platforms.stub.StubPlatformServer.Answer;
import io.minipass.application.port.out.LoginSession;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.UnionId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QqLoginAdapterTest {
    private static final PlatformCredentials CREDENTIALS = new PlatformCredentials("1110000000", "qq-demo-secret");
    private static final String SUCCESS = "{\"openid\":\"8A1B2C3D4E5F60718293A4B5C6D7E8F9\","
            + "\"session_key\":\"ZGVtb3Nlc3Npb25rZXkxMg==\",\"unionid\":\"\"}";

    private final StubPlatformServer qq = StubPlatformServer.start();
    private final PlatformParts.Login adapter = TestPlatforms.login(Platform.QQ, CREDENTIALS, qq.baseUrl(), TestHttp.http());

    @AfterEach
    void stopStub() {
        qq.close();
    }

    @Test
    void tradesTheCodeLikeWeixin() {
        qq.answer(Answer.json(SUCCESS).withContentType("text/plain; charset=utf-8"));

        LoginSession session = adapter.exchange("qqCode1");

        assertThat(session.identity().platform()).isEqualTo(Platform.QQ);
        assertThat(session.identity().openId().value()).isEqualTo("8A1B2C3D4E5F60718293A4B5C6D7E8F9");
        assertThat(session.identity().unionId()).isEmpty();
        assertThat(session.sessionKey()).isEqualTo("ZGVtb3Nlc3Npb25rZXkxMg==");
        assertThat(qq.onlyRequest().method()).isEqualTo("GET");
        assertThat(qq.onlyRequest().path()).isEqualTo("/sns/jscode2session");
        assertThat(qq.onlyRequest().query()).isEqualTo(Map.of("appid", "1110000000", "secret", "qq-demo-secret",
                "js_code", "qqCode1", "grant_type", "authorization_code"));
    }

    @Test
    void keepsAUnionIdWhenGiven() {
        qq.answer(Answer.json("{\"openid\":\"8A1B\",\"session_key\":\"a2V5\",\"unionid\":\"UID_QQ_1\"}"));

        assertThat(adapter.exchange("code").identity().unionId()).contains(new UnionId("UID_QQ_1"));
    }

    @Test
    void invalidCodeIsReportedAsQq() {
        qq.answer(Answer.json("{\"errcode\":40029,\"errmsg\":\"invalid code\"}"));

        assertThatThrownBy(() -> adapter.exchange("code"))
                .isInstanceOf(PlatformCallFailedException.class)
                .hasMessage("QQ登录失败[40029: invalid code]");
        assertThat(qq.received()).hasSize(1);
    }

    @Test
    void busyIsTriedOnceMore() {
        qq.answer(Answer.json("{\"errcode\":-1,\"errmsg\":\"system busy\"}"), Answer.json(SUCCESS));

        assertThat(adapter.exchange("code").identity().openId().value()).isEqualTo("8A1B2C3D4E5F60718293A4B5C6D7E8F9");
        assertThat(qq.received()).hasSize(2);
    }

    @Test
    void rateLimitIsNotRetried() {
        qq.answer(Answer.json("{\"errcode\":45011,\"errmsg\":\"api minute-quota reach limit\"}"));

        assertThatThrownBy(() -> adapter.exchange("code"))
                .hasMessage("QQ登录失败[45011: api minute-quota reach limit]");
        assertThat(qq.received()).hasSize(1);
    }

    @Test
    void aBodyThatIsNotJsonIsUnreadable() {
        qq.answer(new Answer(200, "text/plain", "system error", Duration.ZERO));

        assertThatThrownBy(() -> adapter.exchange("code")).hasMessage("QQ接口返回格式有误");
    }

    @Test
    void aSlowAnswerTimesOut() {
        PlatformParts.Login impatient = TestPlatforms.login(Platform.QQ, CREDENTIALS, qq.baseUrl(), TestHttp.impatientHttp());
        qq.answer(Answer.json(SUCCESS).delayedBy(TestHttp.STALL));

        assertThatThrownBy(() -> impatient.exchange("code")).hasMessage("QQ接口请求超时");
    }

    @Test
    void withoutCredentialsNothingIsSent() {
        PlatformParts.Login unconfigured = TestPlatforms.login(Platform.QQ, PlatformCredentials.NONE, qq.baseUrl(), TestHttp.http());

        assertThatThrownBy(() -> unconfigured.exchange("code")).hasMessage("QQ小程序未配置[appid/secret]");
        assertThat(qq.received()).isEmpty();
    }
}
