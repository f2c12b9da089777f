package io.minipass.adapters.platforms.common;

import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformFailuresTest {

    @Test
    void refusalNamesPlatformCodeAndMessageWithoutRequestId() {
        assertThat(PlatformFailures.loginRefused(Platform.WEIXIN, "40029",
                "invalid code, rid: 65f3e9f7-77cf1a1c-0dd74a0e"))
                .hasMessage("微信登录失败[40029: invalid code]")
                .satisfies(e -> assertThat(e.platform()).isEqualTo(Platform.WEIXIN));
    }

    @Test
    void refusalWithoutMessageShowsTheCodeAlone() {
        assertThat(PlatformFailures.loginRefused(Platform.KUAISHOU, "7", null)).hasMessage("快手登录失败[7]");
    }

    @Test
    void longPlatformMessagesAreCutForTheClient() {
        String message = PlatformFailures.loginRefused(Platform.BAIDU, "x", "错".repeat(500)).getMessage();
        assertThat(message).hasSizeLessThan(140).endsWith("…]");
    }

    @Test
    void notConfiguredNamesWhatIsMissing() {
        assertThat(PlatformFailures.notConfigured(Platform.BAIDU, List.of("appkey", "secret")))
                .hasMessage("百度小程序未配置[appkey/secret]");
        assertThat(PlatformFailures.notConfigured(Platform.ALIPAY, List.of())).hasMessage("支付宝小程序未配置");
    }

    @Test
    void credentialsNeverShowTheirSecret() {
        assertThat(new PlatformCredentials("wx123", "s3cr3t-value").toString())
                .contains("wx123").doesNotContain("s3cr3t-value");
    }
}
