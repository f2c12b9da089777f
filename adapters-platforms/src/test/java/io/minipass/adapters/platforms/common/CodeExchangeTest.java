package io.minipass.adapters.platforms.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.minipass.adapters.platforms.TestPlatforms;
import io.minipass.adapters.platforms.stub.StubPlatformServer;
import io.minipass.adapters.platforms.stub.StubPlatformServer.Answer;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one template logs each platform's refusal as that platform's adapter always did: same logger, same line. */
class CodeExchangeTest {
    private final StubPlatformServer stub = StubPlatformServer.start();

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            WEIXIN   | 200 | {"errcode":40029,"errmsg":"invalid code"}                        | weixin.JsCode2SessionClient     | weixin jscode2session refused (HTTP 200): errcode=40029 errmsg=invalid code
            QQ       | 200 | {"errcode":40029,"errmsg":"invalid code"}                        | weixin.JsCode2SessionClient     | qq jscode2session refused (HTTP 200): errcode=40029 errmsg=invalid code
            TOUTIAO  | 200 | {"err_no":40018,"err_tips":"bad code","log_id":"L1"}             | toutiao.ToutiaoLoginAdapter     | toutiao jscode2session refused (HTTP 200): err_no=40018 tips=bad code log_id=L1
            TOUTIAO  | 200 | {"errcode":40018,"errmsg":"bad code"}                            | toutiao.ToutiaoLoginAdapter     | toutiao jscode2session refused (HTTP 200): errcode=40018 tips=bad code log_id=
            BAIDU    | 400 | {"error":"invalid_grant","error_description":"Invalid code"}    | baidu.BaiduLoginAdapter         | baidu jscode2sessionkey refused (HTTP 400): invalid_grant Invalid code
            KUAISHOU | 200 | {"result":100200100,"error_msg":"bad code"}                      | kuaishou.KuaishouLoginAdapter   | kuaishou code2session refused (HTTP 200): result=100200100 error_msg=bad code
            """)
    void logsARefusalUnderThePlatformsAdapter(Platform platform, int status, String body, String logger, String line) {
        Logger log = (Logger) LoggerFactory.getLogger("io.minipass.adapters.platforms." + logger);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        Level level = log.getLevel();
        log.setLevel(Level.INFO);
        log.addAppender(events);
        try {
            stub.answer(Answer.json(body).withStatus(status));
            PlatformCredentials credentials = new PlatformCredentials("app1", "secret1", "key1", "", "");

            assertThatThrownBy(() -> TestPlatforms.login(platform, credentials, stub.baseUrl(), TestHttp.http()).exchange("c1"))
                    .hasMessageContaining("登录失败");
            assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(line);
            assertThat(events.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO);
        } finally {
            log.detachAppender(events);
            log.setLevel(level);
        }
    }
}
