package io.minipass.adapters.platforms.weixin;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeixinLoginAdapterTest {
    private static final PlatformCredentials CREDENTIALS = new PlatformCredentials("wxdemo0001", "demo-secret-0001");
    private static final String SUCCESS = "{\"openid\":\"oDemo1xYzAbCdEfGhIjKlMnOpQr\",\"session_key\":\"3q2+7wEjRWeJq83vASNFZw==\","
            + "\"unionid\":\"oUnDemo9xYzAbCdEfGhIjKlMn\"}";

    private final StubPlatformServer weixin = StubPlatformServer.start();
    private final PlatformParts.Login adapter = TestPlatforms.login(Platform.WEIXIN, CREDENTIALS, weixin.baseUrl(), TestHttp.http());

    @AfterEach
    void stopStub() {
        weixin.close();
    }

    @Test
    void tradesTheCodeForOpenIdUnionIdAndSessionKey() {
        weixin.answer(Answer.json(SUCCESS).withContentType("text/plain"));

        LoginSession session = adapter.exchange("081demoCode");

        assertThat(session.identity().platform()).isEqualTo(Platform.WEIXIN);
        assertThat(session.identity().openId().value()).isEqualTo("oDemo1xYzAbCdEfGhIjKlMnOpQr");
        assertThat(session.identity().unionId()).contains(new UnionId("oUnDemo9xYzAbCdEfGhIjKlMn"));
        assertThat(session.sessionKey()).isEqualTo("3q2+7wEjRWeJq83vASNFZw==");
        Received request = weixin.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/sns/jscode2session");
        assertThat(request.query()).isEqualTo(Map.of("appid", "wxdemo0001", "secret", "demo-secret-0001",
                "js_code", "081demoCode", "grant_type", "authorization_code"));
    }

    @Test
    void aSessionWithoutUnionIdHasNone() {
        weixin.answer(Answer.json("{\"errcode\":0,\"errmsg\":\"ok\",\"openid\":\"oDemo2\",\"session_key\":\"a2V5\"}"));

        LoginSession session = adapter.exchange("code");

        assertThat(session.identity().openId().value()).isEqualTo("oDemo2");
        assertThat(session.identity().unionId()).isEmpty();
    }

    @Test
    void readsEscapedSlashesAndIgnoresTheContentType() {
        weixin.answer(Answer.json("{\"openid\":\"oDemo\\/3+x\",\"session_key\":\"ab\\/cd+ef==\"}")
                .withContentType("application/json; encoding=utf-8"));

        LoginSession session = adapter.exchange("code");

        assertThat(session.identity().openId().value()).isEqualTo("oDemo/3+x");
        assertThat(session.sessionKey()).isEqualTo("ab/cd+ef==");
    }

    @Test
    void sendsCodesWithSpecialCharactersIntact() {
        weixin.answer(Answer.json(SUCCESS));

        adapter.exchange("a+b&c=d e");

        assertThat(weixin.onlyRequest().query()).containsEntry("js_code", "a+b&c=d e");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "40029 | invalid code, rid: 65f3e9f7-77cf1a1c-0dd74a0e | 微信登录失败[40029: invalid code]",
            "40163 | code been used, rid: 65f3e9f7-77cf1a1c-0dd74a0f | 微信登录失败[40163: code been used]",
            "45011 | api minute-quota reach limit  mustslower  retry next minute | 微信登录失败[45011: api minute-quota reach limit mustslower retry next minute]",
            "40125 | invalid appsecret | 微信登录失败[40125: invalid appsecret]",
            "40226 | user is high risk | 微信登录失败[40226: user is high risk]"})
    void refusalsAreReportedWithTheirCodeAndNeverRetried(int errcode, String errmsg, String message) {
        weixin.answer(Answer.json("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}").withContentType("text/plain"));

        assertThatThrownBy(() -> adapter.exchange("code"))
                .isInstanceOf(PlatformCallFailedException.class)
                .hasMessage(message)
                .hasMessageNotContaining("demo-secret-0001");
        assertThat(weixin.received()).hasSize(1);
    }

    @Test
    void busyIsTriedOnceMore() {
        weixin.answer(Answer.json("{\"errcode\":-1,\"errmsg\":\"system error\"}"), Answer.json(SUCCESS));

        LoginSession session = adapter.exchange("code");

        assertThat(session.identity().openId().value()).isEqualTo("oDemo1xYzAbCdEfGhIjKlMnOpQr");
        assertThat(weixin.received()).hasSize(2)
                .allSatisfy(request -> assertThat(request.query()).containsEntry("js_code", "code"));
    }

    @Test
    void busyTwiceFails() {
        weixin.answer(Answer.json("{\"errcode\":-1,\"errmsg\":\"system error\"}"),
                Answer.json("{\"errcode\":-1,\"errmsg\":\"system error\"}"));

        assertThatThrownBy(() -> adapter.exchange("code"))
                .isInstanceOf(PlatformCallFailedException.class)
                .hasMessage("微信登录失败[-1: system error]");
        assertThat(weixin.received()).hasSize(2);
    }

    @Test
    void aBodyThatIsNotJsonIsUnreadable() {
        weixin.answer(new Answer(502, "text/html", "<html><body>Bad Gateway</body></html>", java.time.Duration.ZERO));

        assertThatThrownBy(() -> adapter.exchange("code"))
                .isInstanceOf(PlatformCallFailedException.class)
                .hasMessage("微信接口返回格式有误");
    }

    @Test
    void aSuccessWithoutOpenIdFails() {
        weixin.answer(Answer.json("{\"session_key\":\"a2V5\"}"));

        assertThatThrownBy(() -> adapter.exchange("code"))
                .isInstanceOf(PlatformCallFailedException.class)
                .hasMessage("微信登录失败[未返回openid]");
    }

    @Test
    void anOpenIdTheShopCannotStoreFails() {
        weixin.answer(Answer.json("{\"openid\":\"has space\",\"session_key\":\"a2V5\"}"));

        assertThatThrownBy(() -> adapter.exchange("code"))
                .isInstanceOf(PlatformCallFailedException.class)
                .hasMessage("微信返回的openid格式有误");
    }

    @Test
    void aMalformedUnionIdFails() {
        weixin.answer(Answer.json("{\"openid\":\"oDemo\",\"unionid\":\"" + "u".repeat(61) + "\"}"));

        assertThatThrownBy(() -> adapter.exchange("code"))
                .isInstanceOf(PlatformCallFailedException.class)
                .hasMessage("微信返回的unionid格式有误");
    }

    @Test
    void aSlowAnswerTimesOutWithoutRetry() {
        PlatformParts.Login impatient = TestPlatforms.login(Platform.WEIXIN, CREDENTIALS, weixin.baseUrl(), TestHttp.impatientHttp());
        weixin.answer(Answer.json(SUCCESS).delayedBy(TestHttp.STALL));

        assertThatThrownBy(() -> impatient.exchange("code"))
                .isInstanceOf(PlatformCallFailedException.class)
                .hasMessage("微信接口请求超时");
        assertThat(weixin.received()).hasSize(1);
    }

    @Test
    void aRefusedConnectionFails() {
        PlatformParts.Login unreachable = TestPlatforms.login(Platform.WEIXIN, CREDENTIALS, StubPlatformServer.closedBaseUrl(), TestHttp.http());

        assertThatThrownBy(() -> unreachable.exchange("code"))
                .isInstanceOf(PlatformCallFailedException.class)
                .hasMessage("微信接口连接失败");
    }

    @Test
    void withoutCredentialsNothingIsSent() {
        PlatformParts.Login unconfigured = TestPlatforms.login(Platform.WEIXIN, new PlatformCredentials("wxdemo", " "),
                weixin.baseUrl(), TestHttp.http());

        assertThatThrownBy(() -> unconfigured.exchange("code"))
                .isInstanceOf(PlatformCallFailedException.class)
                .hasMessage("微信小程序未配置[secret]");
        assertThatThrownBy(() -> TestPlatforms.login(Platform.WEIXIN, null, weixin.baseUrl(), TestHttp.http())
                .exchange("code"))
                .hasMessage("微信小程序未配置[appid/secret]");
        assertThat(weixin.received()).isEmpty();
    }
}
