package io.minipass.bootstrap.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secrets read from files: {@code MINIPASS_<NAME>_FILE} and systemd's {@code $CREDENTIALS_DIRECTORY}. */
class ConfigSourceTest {

    private static MinipassConfig load(Map<String, String> env) {
        return MinipassConfig.load(new ConfigSource(new Properties(), env));
    }

    @Test
    void a_secret_comes_from_the_file_its_FILE_variable_names_without_the_final_newline(@TempDir Path dir) throws Exception {
        Path password = Files.writeString(dir.resolve("db-password"), "s3cr3t-密码\n");
        Path secret = Files.writeString(dir.resolve("weixin-secret"), "0123456789abcdef0123456789abcdef\n");
        MinipassConfig config = load(Map.of(
                "MINIPASS_DB_PASSWORD_FILE", password.toString(),
                "MINIPASS_WEIXIN_APPID", "wx0123456789abcdef",
                "MINIPASS_WEIXIN_SECRET_FILE", secret.toString(),
                "MINIPASS_WEIXIN_SECRET", "",
                "MINIPASS_REQUIRE_LOGIN_PROOF", "true"));

        assertThat(config.database().password()).isEqualTo("s3cr3t-密码");
        assertThat(config.platforms().app(io.minipass.domain.user.Platform.WEIXIN).secret())
                .isEqualTo("0123456789abcdef0123456789abcdef");
    }

    @Test
    void a_secret_comes_from_a_systemd_credential_named_after_its_variable(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("MINIPASS_DB_PASSWORD"), "from-systemd");
        Files.writeString(dir.resolve("MINIPASS_REDIS_SESSION_KEY_SECRET"), "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        MinipassConfig config = load(Map.of("CREDENTIALS_DIRECTORY", dir.toString(),
                "MINIPASS_REDIS_URL", "redis://127.0.0.1:6379/0"));

        assertThat(config.database().password()).isEqualTo("from-systemd");
        assertThat(config.redis()).hasValueSatisfying(redis ->
                assertThat(redis.sessionKeySecret()).isEqualTo("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
    }

    @Test
    void a_secret_set_two_ways_is_refused_naming_both_and_no_value(@TempDir Path dir) throws Exception {
        Path password = Files.writeString(dir.resolve("db-password"), "from-file");
        assertThatThrownBy(() -> load(Map.of("MINIPASS_DB_PASSWORD", "from-env",
                "MINIPASS_DB_PASSWORD_FILE", password.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("MINIPASS_DB_PASSWORD and MINIPASS_DB_PASSWORD_FILE are both set: set the secret one way only");

        Files.writeString(dir.resolve("MINIPASS_DB_PASSWORD"), "from-systemd");
        assertThatThrownBy(() -> load(Map.of("MINIPASS_DB_PASSWORD_FILE", password.toString(),
                "CREDENTIALS_DIRECTORY", dir.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MINIPASS_DB_PASSWORD_FILE and the systemd credential MINIPASS_DB_PASSWORD");
    }

    @Test
    void a_secret_file_that_cannot_be_read_is_named_by_its_path(@TempDir Path dir) {
        Path missing = dir.resolve("nothing-here");
        assertThatThrownBy(() -> load(Map.of("MINIPASS_DB_PASSWORD_FILE", missing.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("MINIPASS_DB_PASSWORD_FILE: cannot read " + missing + " (NoSuchFileException)");
    }

    @Test
    void only_secrets_are_read_from_files(@TempDir Path dir) throws Exception {
        Path port = Files.writeString(dir.resolve("port"), "9999");
        assertThat(load(Map.of("MINIPASS_PORT_FILE", port.toString())).port()).isEqualTo(8080);
    }
}
