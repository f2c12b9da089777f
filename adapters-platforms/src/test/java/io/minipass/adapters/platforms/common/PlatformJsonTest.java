package io.minipass.adapters.platforms.common;

import io.minipass.application.port.out.PlatformCallFailedException;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"openid\":\"o\"} {}", "{\"a\":1,\"a\":2}", "[1]", "", "{\"a\":",
            "{\"openid\":\"o\",\"expires_in\":1e999999999}", "{\"data\":{\"n\":[-2E-65]}}", "{\"n\":1e0065}"})
    void anythingButOneStrictObjectIsUnreadable(String text) {
        assertThatThrownBy(() -> PlatformJson.object(Platform.TOUTIAO, text))
                .isInstanceOf(PlatformCallFailedException.class).hasMessage("头条接口返回格式有误");
    }

    @Test
    void numbersOfMoreThan64DigitsAreUnreadable() {
        assertThatThrownBy(() -> PlatformJson.object(Platform.WEIXIN, "{\"errcode\":" + "1".repeat(65) + "}"))
                .isInstanceOf(PlatformCallFailedException.class);
        assertThatThrownBy(() -> PlatformJson.object(Platform.WEIXIN, "{\"errcode\":0." + "1".repeat(65) + "}"))
                .isInstanceOf(PlatformCallFailedException.class);
    }

    @Test
    void numbersUpToTheLimitsAreRead() {
        String digits64 = "1".repeat(64);

        var node = PlatformJson.object(Platform.WEIXIN, "\uFEFF{\"errcode\":" + digits64 + ",\"f\":1e64,\"g\":-1E-64}");

        assertThat(PlatformJson.code(node, "errcode")).isEqualTo(new BigInteger(digits64).toString());
        assertThat(node.get("f").doubleValue()).isEqualTo(1e64);
    }

    @Test
    void namesOfDecryptedPayloadsAreNotInterned() {
        String name = "k" + System.nanoTime();
        String pooled = new String(name.toCharArray()).intern();

        java.util.Map<String, Object> payload = PlatformJson.plainObject(("{\"" + name + "\":\"v\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(payload.keySet()).containsExactly(name);
        assertThat(payload.keySet().iterator().next()).isNotSameAs(pooled);
    }
}
