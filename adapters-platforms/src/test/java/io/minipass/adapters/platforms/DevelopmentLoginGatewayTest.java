package io.minipass.adapters.platforms;

import io.minipass.application.port.out.ExchangeLoginCodePort;
import io.minipass.application.port.out.LoginSession;
import io.minipass.application.testing.InMemorySessionKeys;
import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevelopmentLoginGatewayTest {
    private final ExchangeLoginCodePort gateway = TestPlatforms.create(TestPlatforms.NO_SETTINGS,
            new InMemorySessionKeys(), Clock.systemUTC(), EnumSet.allOf(Platform.class)).loginGateways();

    @Test
    void theSameCodeIsTheSameUser() {
        LoginSession first = gateway.exchange(Platform.WEIXIN, "dev-code-1");
        LoginSession again = gateway.exchange(Platform.WEIXIN, "dev-code-1");

        assertThat(first.identity().openId()).isEqualTo(again.identity().openId());
        assertThat(first.identity().openId().value()).matches("dev_[0-9a-f]{24}");
        assertThat(first.identity().unionId()).isEmpty();
    }

    @Test
    void anotherCodeOrPlatformIsAnotherUser() {
        String openId = gateway.exchange(Platform.WEIXIN, "dev-code-1").identity().openId().value();

        assertThat(gateway.exchange(Platform.WEIXIN, "dev-code-2").identity().openId().value()).isNotEqualTo(openId);
        assertThat(gateway.exchange(Platform.QQ, "dev-code-1").identity().openId().value()).isNotEqualTo(openId);
    }

    @Test
    void givesAFreshRandomSessionKeyOfThePlatformsSize() {
        LoginSession first = gateway.exchange(Platform.QQ, "c");
        LoginSession second = gateway.exchange(Platform.QQ, "c");

        assertThat(Base64.getDecoder().decode(first.sessionKey())).hasSize(16);
        assertThat(Base64.getDecoder().decode(gateway.exchange(Platform.BAIDU, "c").sessionKey())).hasSize(24);
        assertThat(first.sessionKey()).isNotEqualTo(second.sessionKey());
    }

    @Test
    void anEmptyCodeIsRefused() {
        assertThatThrownBy(() -> gateway.exchange(Platform.WEIXIN, " "))
                .isInstanceOf(PlatformCallFailedException.class);
    }
}
