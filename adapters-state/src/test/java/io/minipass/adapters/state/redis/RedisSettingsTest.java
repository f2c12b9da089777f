package io.minipass.adapters.state.redis;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisSettingsTest {
    private static final String SECRET = TestRedis.randomSecret();

    @Test
    void has_defaults_for_all_but_the_url_and_the_secret() {
        RedisSettings settings = RedisSettings.of("redis://127.0.0.1:6379/0", SECRET);

        assertThat(settings.keyPrefix()).isEqualTo("minipass:");
        assertThat(settings.commandTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.sessionKeyTtl()).isEqualTo(Duration.ofDays(2));
        assertThat(settings.loginProofTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.sessionKeySecretBytes()).hasSize(32);
    }

    @Test
    void refuses_to_start_without_a_secret_of_32_bytes() {
        assertThatThrownBy(() -> RedisSettings.of("redis://127.0.0.1:6379", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not set");
        assertThatThrownBy(() -> RedisSettings.of("redis://127.0.0.1:6379", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not set");
        assertThatThrownBy(() -> RedisSettings.of("redis://127.0.0.1:6379", "not base64!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> RedisSettings.of("redis://127.0.0.1:6379",
                Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes, not 16");
    }

    @Test
    void refuses_urls_and_values_that_make_no_sense() {
        assertThatThrownBy(() -> RedisSettings.of("", SECRET)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisSettings.of("http://127.0.0.1:6379", SECRET)).isInstanceOf(IllegalArgumentException.class);
        RedisSettings settings = RedisSettings.of("rediss://cache.example:6380", SECRET);
        assertThatThrownBy(() -> settings.withKeyPrefix("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestRedis.withCommandTimeout(settings, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestRedis.withSessionKeyTtl(settings, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestRedis.withLoginProofTtl(settings,
                null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void never_shows_the_secret_or_the_password() {
        RedisSettings settings = RedisSettings.of("redis://:hunter2@cache.example:6379/0", SECRET);

        assertThat(settings.toString()).doesNotContain(SECRET).doesNotContain("hunter2")
                .contains("redis://***@cache.example:6379/0");
    }

    @Test
    void a_sentinel_url_is_accepted_and_masked() {
        RedisSettings settings = RedisSettings.of("redis-sentinel://:hunter2@s1:26379,s2:26379/0#minipass", SECRET);

        assertThat(settings.toString()).doesNotContain("hunter2")
                .contains("redis-sentinel://***@s1:26379,s2:26379/0#minipass");
    }
}
