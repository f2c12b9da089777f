package io.minipass.adapters.platforms.common;

import io.minipass.adapters.platforms.PlatformEndpoints;
import io.minipass.adapters.platforms.PlatformGatewaySettings;
import io.minipass.adapters.platforms.Platforms;
import io.minipass.adapters.platforms.stub.StubPlatformServer;
import io.minipass.adapters.platforms.stub.StubPlatformServer.Answer;
import io.minipass.domain.user.PhoneProof;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.application.port.out.VerifyPhoneNumberPort;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.PhoneProof;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bulkhead over every outbound platform call: login code exchanges and WeChat's server API alike. */
class PlatformCallLimitTest {
    private final StubPlatformServer stub = StubPlatformServer.start();
    private final CountDownLatch slowAnswersMayGo = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final PlatformCallLimit limit = new PlatformCallLimit(2);
    private final PlatformHttp http = new PlatformHttp(PlatformHttp.newClient(Duration.ofSeconds(2)), Duration.ofSeconds(10), limit);

    @AfterEach
    void stop() {
        slowAnswersMayGo.countDown();
        callers.shutdownNow();
        stub.close();
    }

    @Test
    void callsBeyondTheLimitFailAtOnceWhileTheSlowOnesAreInFlight() throws Exception {
        List<CompletableFuture<PlatformAnswer>> slow = saturate();

        assertThatThrownBy(() -> http.get(Platform.QQ, stub.baseUrl().resolve("/sns/jscode2session")))
                .isInstanceOf(PlatformCallFailedException.class).hasMessage("QQ接口繁忙，请稍后再试");
        assertThat(slow).noneMatch(CompletableFuture::isDone);
        assertThat(stub.received()).hasSize(2);

        slowAnswersMayGo.countDown();
        for (CompletableFuture<PlatformAnswer> call : slow) {
            assertThat(call.get(10, TimeUnit.SECONDS).body()).isEqualTo("{}");
        }
        stub.answer(Answer.json("{\"ok\":1}"));
        assertThat(http.get(Platform.QQ, stub.baseUrl().resolve("/after")).body()).isEqualTo("{\"ok\":1}");
    }

    @Test
    void wechatsServerApiSharesTheLimit() throws Exception {
        List<CompletableFuture<PlatformAnswer>> slow = saturate();
        VerifyPhoneNumberPort phones = Platforms.create(new PlatformGatewaySettings(
                        Map.of(Platform.WEIXIN, new PlatformCredentials("wxAppId0000000001", "secret")),
                        new PlatformEndpoints(Map.of(Platform.WEIXIN, stub.baseUrl())), null, Duration.ofSeconds(2)),
                PlatformHttp.newClient(Duration.ofSeconds(2)), limit, new InMemorySessionKeys(), Clock.systemUTC(),
                Set.of()).phoneNumbers();

        assertThatThrownBy(() -> phones.verifiedMobile(Platform.WEIXIN, new OpenId("oDemo1"), new PhoneProof("c1", null, null)))
                .isInstanceOf(PlatformCallFailedException.class).hasMessage("微信接口繁忙，请稍后再试");
        assertThat(slow).noneMatch(CompletableFuture::isDone);
        assertThat(stub.received()).hasSize(2);
    }

    /** Two calls the stub holds until {@link #slowAnswersMayGo}; returns once both have reached it. */
    private List<CompletableFuture<PlatformAnswer>> saturate() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            stub.answerWith(request -> {
                try {
                    slowAnswersMayGo.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Answer.json("{}");
            });
        }
        URI uri = stub.baseUrl().resolve("/slow");
        List<CompletableFuture<PlatformAnswer>> calls = List.of(
                CompletableFuture.supplyAsync(() -> http.get(Platform.WEIXIN, uri), callers),
                CompletableFuture.supplyAsync(() -> http.get(Platform.BAIDU, uri), callers));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stub.received().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(stub.received()).as("both slow calls reached the platform").hasSize(2);
        return calls;
    }
}
