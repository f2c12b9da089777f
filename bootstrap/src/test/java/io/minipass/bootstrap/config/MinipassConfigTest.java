package io.minipass.bootstrap.config;

import io.minipass.adapters.web.proxy.TrustedProxies;
import io.minipass.application.budget.Attempt;
import io.minipass.application.budget.Budget;
import io.minipass.application.budget.SuspectLane;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MinipassConfigTest {
    /** Production refuses to start without a database URL. */
    private static final String SHOP_DB = "jdbc:mysql://127.0.0.1:3306/shop";

    private static MinipassConfig load(Map<String, String> env) {
        return MinipassConfig.load(new ConfigSource(new Properties(), env));
    }

    @Test
    void nothing_set_runs_the_embedded_default() {
        MinipassConfig config = load(Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.profile()).isEqualTo(MinipassConfig.RunProfile.DEVELOPMENT);
        assertThat(config.database().url()).isEqualTo(MinipassConfig.DEFAULT_DB_URL);
        assertThat(config.database().user()).isEqualTo("sa");
        assertThat(config.database().tablePrefix()).isEqualTo("sxo_");
        assertThat(config.database().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.database().queryTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.database().poolWait()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.shop().timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(config.shop().tokenLifetime()).isEqualTo(Duration.ofDays(30));
        assertThat(config.shop().tokenCacheTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.shop().registrationAudit()).isFalse();
        assertThat(config.shop().mandatoryBindMobile()).isFalse();
        assertThat(config.platforms().weixinAutoRegister()).isTrue();
        assertThat(config.security().requireLoginProof()).isFalse();
        assertThat(config.security().failuresPerSessionKey()).isEqualTo(5);
        assertThat(config.security().budgets()).isEqualTo(SecurityConfig.DEFAULT_BUDGETS);
        assertThat(config.trustProxyHeaders()).isFalse();
        assertThat(config.trustedProxies()).isSameAs(TrustedProxies.NONE);
        assertThat(config.security().suspectTokenLookups()).isEqualTo(new SuspectLane.Limit(50, Duration.ofSeconds(1)));
        assertThat(config.bodyTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.platforms().maxConcurrentCalls()).isEqualTo(100);
        for (Platform platform : Platform.values()) {
            assertThat(config.platforms().app(platform).isConfigured(platform)).isFalse();
        }
    }

    @Test
    void production_without_a_database_url_refuses_to_start_naming_the_setting_unless_allowed() {
        for (String unset : new String[] {null, "", "  "}) {
            Map<String, String> env = new java.util.HashMap<>(Map.of("MINIPASS_PROFILE", "production"));
            if (unset != null) {
                env.put("MINIPASS_DB_URL", unset);
            }
            assertThatThrownBy(() -> load(env)).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("MINIPASS_DB_URL is not set: production would keep its users in an embedded H2 file")
                    .hasMessageContaining("MINIPASS_ALLOW_EMBEDDED_DATABASE=true");
        }
        MinipassConfig allowed = load(Map.of("MINIPASS_PROFILE", "production", "MINIPASS_ALLOW_EMBEDDED_DATABASE", "true"));
        assertThat(allowed.database().url()).isEqualTo(MinipassConfig.DEFAULT_DB_URL);
        assertThat(allowed.database().isEmbeddedFallback()).isTrue();
        assertThat(load(Map.of()).database().isEmbeddedFallback()).as("development is unchanged").isTrue();
    }

    @Test
    void trusted_proxy_headers_come_from_this_machine_unless_the_proxies_networks_are_named() {
        assertThat(load(Map.of("MINIPASS_TRUST_PROXY_HEADERS", "true")).trustedProxies()).hasToString("127.0.0.0/8,::1/128");
        assertThat(load(Map.of("MINIPASS_TRUST_PROXY_HEADERS", "true", "MINIPASS_TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8"))
                .trustedProxies()).hasToString("10.0.0.0/8,fd00::/8");
        assertThat(load(Map.of("MINIPASS_TRUSTED_PROXIES", "10.0.0.0/8")).trustedProxies()).isSameAs(TrustedProxies.NONE);
        for (String bad : new String[]{"10.0.0.0/33", "proxy.example.com", "10.0.0.1:80"}) {
            assertThatThrownBy(() -> load(Map.of("MINIPASS_TRUST_PROXY_HEADERS", "true", "MINIPASS_TRUSTED_PROXIES", bad)))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("MINIPASS_TRUSTED_PROXIES").hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> load(Map.of("MINIPASS_TRUST_PROXY_HEADERS", "true", "MINIPASS_TRUSTED_PROXIES", " ")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MINIPASS_TRUSTED_PROXIES");
    }

    @Test
    void the_suspect_token_look_ups_are_a_count_per_window_or_none() {
        assertThat(load(Map.of("MINIPASS_SUSPECT_TOKEN_LOOKUPS", "200/10s")).security().suspectTokenLookups())
                .isEqualTo(new SuspectLane.Limit(200, Duration.ofSeconds(10)));
        assertThat(load(Map.of("MINIPASS_SUSPECT_TOKEN_LOOKUPS", "0")).security().suspectTokenLookups())
                .isEqualTo(SuspectLane.Limit.CLOSED);
        for (String bad : new String[]{"50", "50/0s", "x/1s", "-1/1s"}) {
            assertThatThrownBy(() -> load(Map.of("MINIPASS_SUSPECT_TOKEN_LOOKUPS", bad)))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("MINIPASS_SUSPECT_TOKEN_LOOKUPS");
        }
    }

    @Test
    void production_requires_the_login_proof_unless_the_shop_turns_it_off() {
        assertThat(load(Map.of("MINIPASS_PROFILE", "production", "MINIPASS_DB_URL", SHOP_DB)).security().requireLoginProof()).isTrue();
        assertThat(load(Map.of("MINIPASS_PROFILE", "production", "MINIPASS_DB_URL", SHOP_DB, "MINIPASS_REQUIRE_LOGIN_PROOF", "false"))
                .security().requireLoginProof()).isFalse();
        assertThat(load(Map.of("MINIPASS_REQUIRE_LOGIN_PROOF", "true")).security().requireLoginProof()).isTrue();
    }

    @Test
    void real_credentials_never_run_with_the_proof_off_by_the_development_default() {
        assertThatThrownBy(() -> load(Map.of("MINIPASS_WEIXIN_APPID", "wx1", "MINIPASS_WEIXIN_SECRET", "s")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("[weixin]")
                .hasMessageContaining("MINIPASS_PROFILE=production")
                .hasMessageContaining("MINIPASS_REQUIRE_LOGIN_PROOF=false");
        // an App ID alone is no credentials: the development gateway still serves the platform
        assertThat(load(Map.of("MINIPASS_QQ_APPID", "only-an-id")).security().requireLoginProof()).isFalse();
    }

    @Test
    void with_real_credentials_the_proof_is_on_unless_the_operator_turns_it_off_and_is_warned() {
        Map<String, String> weixin = Map.of("MINIPASS_WEIXIN_APPID", "wx1", "MINIPASS_WEIXIN_SECRET", "s");
        MinipassConfig production = load(with(with(weixin, "MINIPASS_PROFILE", "production"), "MINIPASS_DB_URL", SHOP_DB));
        MinipassConfig askedFor = load(with(weixin, "MINIPASS_REQUIRE_LOGIN_PROOF", "true"));
        MinipassConfig turnedOff = load(with(weixin, "MINIPASS_REQUIRE_LOGIN_PROOF", "false"));

        assertThat(production.security().requireLoginProof()).isTrue();
        assertThat(production.security().openidOnlyLogins(production.platforms())).isEmpty();
        assertThat(askedFor.security().requireLoginProof()).isTrue();
        assertThat(turnedOff.security().requireLoginProof()).isFalse();
        assertThat(turnedOff.security().openidOnlyLogins(turnedOff.platforms())).hasValueSatisfying(warning ->
                assertThat(warning).contains("OPENID-ONLY LOGINS on [weixin]", "MINIPASS_REQUIRE_LOGIN_PROOF=false"));
        assertThat(load(Map.of()).security().openidOnlyLogins(load(Map.of()).platforms()))
                .as("without credentials nobody real logs in: the development gateway's fake openids only").isEmpty();
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(env);
        more.put(name, value);
        return more;
    }

    @Test
    void production_refuses_the_env_templates_placeholder_password() {
        assertThatThrownBy(() -> load(Map.of("MINIPASS_PROFILE", "production", "MINIPASS_DB_URL", SHOP_DB, "MINIPASS_DB_PASSWORD", "change-me")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("MINIPASS_DB_PASSWORD is still change-me, the placeholder of deploy/minipass.env: "
                        + "set the database account's own password");
        assertThat(load(Map.of("MINIPASS_DB_PASSWORD", "change-me")).database().password())
                .as("development: a local database's password is its owner's business").isEqualTo("change-me");
    }

    @Test
    void budgets_read_per_address_per_openid_and_window() {
        MinipassConfig config = load(Map.of("MINIPASS_BUDGET_FAILED_TOKEN_LOOKUP", "20/0/10m",
                "MINIPASS_SESSION_KEY_MAX_FAILURES", "3"));

        assertThat(config.security().budgets().get(Attempt.FAILED_TOKEN_LOOKUP))
                .isEqualTo(new Budget(20, 0, Duration.ofMinutes(10)));
        assertThat(config.security().budgets().get(Attempt.REGISTRATION))
                .isEqualTo(SecurityConfig.DEFAULT_BUDGETS.get(Attempt.REGISTRATION));
        assertThat(config.security().failuresPerSessionKey()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({"MINIPASS_BUDGET_REGISTRATION,100", "MINIPASS_BUDGET_REGISTRATION,100/5", "MINIPASS_BUDGET_CODE_EXCHANGE,1/2/0",
            "MINIPASS_BUDGET_CODE_EXCHANGE,-1/2/1m", "MINIPASS_BUDGET_CODE_EXCHANGE,1/2/soon", "MINIPASS_SESSION_KEY_MAX_FAILURES,0"})
    void a_budget_that_makes_no_sense_stops_the_start_naming_it(String name, String value) {
        assertThatThrownBy(() -> load(Map.of(name, value))).isInstanceOf(ConfigException.class).hasMessageContaining(name);
    }

    @Test
    void the_environment_wins_over_the_file() {
        Properties file = new Properties();
        file.setProperty("minipass.port", "9000");
        file.setProperty("minipass.table.prefix", "shop_");
        file.setProperty("minipass.weixin.appid", "wx-file");

        MinipassConfig config = MinipassConfig.load(new ConfigSource(file, Map.of("MINIPASS_PORT", "9100")));

        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.database().tablePrefix()).isEqualTo("shop_");
        assertThat(config.platforms().app(Platform.WEIXIN).appId()).isEqualTo("wx-file");
    }

    /** One limit, the database adapter's: a prefix the configuration takes is one the adapter opens. */
    @Test
    void a_table_prefix_may_be_as_long_as_the_database_adapter_allows_and_no_longer() {
        String longest = "s".repeat(23) + "_";

        assertThat(load(Map.of("MINIPASS_TABLE_PREFIX", longest)).database().tablePrefix()).isEqualTo(longest);
        assertThatThrownBy(() -> load(Map.of("MINIPASS_TABLE_PREFIX", "s" + longest)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MINIPASS_TABLE_PREFIX").hasMessageContaining("at most 24");
    }

    @Test
    void the_shopxo_layout_is_the_databases_own_unless_named() {
        assertThat(load(Map.of()).database().layout()).isEmpty();
        assertThat(load(Map.of("MINIPASS_SHOPXO_LAYOUT", "v6")).database().settings().layout()).contains("v6");
        assertThat(load(Map.of("MINIPASS_SHOPXO_LAYOUT", " V2 ")).database().settings().layout()).contains("v2");
        assertThatThrownBy(() -> load(Map.of("MINIPASS_SHOPXO_LAYOUT", "v3")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MINIPASS_SHOPXO_LAYOUT=v3")
                .hasMessageContaining("v2").hasMessageContaining("v6");
    }

    @Test
    void development_listens_only_on_this_machine_by_default() {
        assertThat(load(Map.of()).host()).isEqualTo("127.0.0.1");
        assertThat(load(Map.of("MINIPASS_PROFILE", "development")).host()).isEqualTo("127.0.0.1");
        assertThat(load(Map.of("MINIPASS_HOST", "")).host()).isEqualTo("127.0.0.1");
    }

    @Test
    void production_listens_on_every_address_by_default() {
        assertThat(load(Map.of("MINIPASS_PROFILE", "production", "MINIPASS_DB_URL", SHOP_DB)).host()).isEqualTo("0.0.0.0");
    }

    @Test
    void a_set_host_wins_over_the_profile_default() {
        assertThat(load(Map.of("MINIPASS_HOST", "0.0.0.0")).host()).isEqualTo("0.0.0.0");
        assertThat(load(Map.of("MINIPASS_PROFILE", "production", "MINIPASS_DB_URL", SHOP_DB, "MINIPASS_HOST", "10.0.0.5")).host()).isEqualTo("10.0.0.5");
        Properties file = new Properties();
        file.setProperty("minipass.host", "192.168.1.20");
        assertThat(MinipassConfig.load(new ConfigSource(file, Map.of())).host()).isEqualTo("192.168.1.20");
    }

    @ParameterizedTest
    @CsvSource({"30d,2592000", "12h,43200", "90m,5400", "45s,45", "120,120", "0,0"})
    void token_lifetimes_read_with_units(String value, long seconds) {
        assertThat(load(Map.of("MINIPASS_TOKEN_TTL", value)).shop().tokenLifetime()).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void database_timeouts_read_with_units() {
        MinipassConfig.DatabaseConfig database = load(Map.of("MINIPASS_DB_CONNECT_TIMEOUT", "3s",
                "MINIPASS_DB_QUERY_TIMEOUT", "1m", "MINIPASS_DB_POOL_WAIT", "4")).database();

        assertThat(database.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(database.queryTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(database.poolWait()).isEqualTo(Duration.ofSeconds(4));
    }

    @ParameterizedTest
    @CsvSource({"MINIPASS_DB_CONNECT_TIMEOUT,0", "MINIPASS_DB_QUERY_TIMEOUT,0", "MINIPASS_DB_POOL_WAIT,0",
            "MINIPASS_DB_QUERY_TIMEOUT,11m", "MINIPASS_DB_POOL_WAIT,2 seconds", "MINIPASS_DB_CONNECT_TIMEOUT,-1s"})
    void a_database_timeout_of_zero_or_beyond_ten_minutes_stops_the_start_naming_it(String variable, String value) {
        assertThatThrownBy(() -> load(Map.of(variable, value)))
                .isInstanceOf(ConfigException.class).hasMessageContaining(variable);
    }

    @Test
    void each_platform_is_configured_by_what_its_api_needs() {
        MinipassConfig config = load(Map.of(
                "MINIPASS_WEIXIN_APPID", "wx1", "MINIPASS_WEIXIN_SECRET", "s",
                "MINIPASS_BAIDU_APPKEY", "key", "MINIPASS_BAIDU_SECRET", "s",
                "MINIPASS_ALIPAY_APPID", "2021", "MINIPASS_ALIPAY_PRIVATE_KEY", "k",
                "MINIPASS_QQ_APPID", "only-an-id",
                "MINIPASS_TOUTIAO_BASE_URL", "http://127.0.0.1:9/tt", "MINIPASS_REQUIRE_LOGIN_PROOF", "false"));

        assertThat(config.platforms().app(Platform.WEIXIN).isConfigured(Platform.WEIXIN)).isTrue();
        assertThat(config.platforms().app(Platform.BAIDU).isConfigured(Platform.BAIDU)).isTrue();
        assertThat(config.platforms().app(Platform.ALIPAY).isConfigured(Platform.ALIPAY)).isFalse();
        assertThat(config.platforms().app(Platform.QQ).isConfigured(Platform.QQ)).isFalse();
        assertThat(config.platforms().app(Platform.TOUTIAO).baseUrl()).hasToString("http://127.0.0.1:9/tt");
    }

    @Test
    void request_limits_are_settings() {
        MinipassConfig config = load(Map.of("MINIPASS_BODY_TIMEOUT", "3s", "MINIPASS_PLATFORM_MAX_CONCURRENT", "20"));

        assertThat(config.bodyTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.platforms().maxConcurrentCalls()).isEqualTo(20);
    }

    @ParameterizedTest
    @CsvSource({"MINIPASS_PORT,70000", "MINIPASS_PORT,eighty", "MINIPASS_REGISTER_AUDIT,maybe", "MINIPASS_TIMEZONE,Mars/Base",
            "MINIPASS_TOKEN_TTL,30 days", "MINIPASS_TOKEN_TTL,-5s", "MINIPASS_PROFILE,staging", "MINIPASS_TABLE_PREFIX,sxo-;drop",
            "MINIPASS_DB_POOL_SIZE,0", "MINIPASS_PLATFORM_TIMEOUT,0", "MINIPASS_BODY_TIMEOUT,0",
            "MINIPASS_PLATFORM_MAX_CONCURRENT,0", "MINIPASS_WEIXIN_BASE_URL,http://bad host"})
    void a_wrong_value_stops_the_start_naming_its_variable(String variable, String value) {
        assertThatThrownBy(() -> load(Map.of(variable, value)))
                .isInstanceOf(ConfigException.class).hasMessageContaining(variable);
    }

    @Test
    void secrets_stay_out_of_the_printed_configuration() {
        MinipassConfig config = load(Map.of("MINIPASS_DB_PASSWORD", "db-pass", "MINIPASS_WEIXIN_SECRET", "wx-secret",
                "MINIPASS_ALIPAY_PRIVATE_KEY", "private-key",
                "MINIPASS_DB_URL", "jdbc:mysql://shop:url-pass@db.example/shop?password=query-pass"));

        assertThat(config.toString()).doesNotContain("db-pass", "wx-secret", "private-key", "url-pass", "query-pass")
                .contains("db.example/shop");
    }

    @Test
    void metrics_are_on_the_api_port_and_logs_are_text_unless_set() {
        ObservabilityConfig observability = load(Map.of("MINIPASS_HOST", "10.0.0.5")).observability();

        assertThat(observability.managementPort()).isEmpty();
        assertThat(observability.metricsOnApiPort()).isTrue();
        assertThat(observability.managementHost()).as("this machine only, whatever the API's address").isEqualTo("127.0.0.1");
        assertThat(observability.logFormat()).isEqualTo("text");
        assertThat(observability.logLevel()).isEqualTo("INFO");
        assertThat(load(Map.of("MINIPASS_LOG_LEVEL", "debug")).observability().logLevel()).isEqualTo("debug");
    }

    @Test
    void a_management_port_and_host_and_the_json_format_are_settings() {
        ObservabilityConfig observability = load(Map.of("MINIPASS_MANAGEMENT_PORT", "9090",
                "MINIPASS_MANAGEMENT_HOST", "127.0.0.1", "MINIPASS_LOG_FORMAT", "json")).observability();

        assertThat(observability.managementPort()).hasValue(9090);
        assertThat(observability.managementHost()).isEqualTo("127.0.0.1");
        assertThat(observability.logFormat()).isEqualTo("json");
    }

    @Test
    void production_serves_metrics_on_the_management_port_only_unless_the_api_port_is_asked_for() {
        ObservabilityConfig production = load(Map.of("MINIPASS_PROFILE", "production", "MINIPASS_DB_URL", SHOP_DB)).observability();
        assertThat(production.metricsOnApiPort()).isFalse();
        assertThat(production.managementHost()).isEqualTo("127.0.0.1");
        assertThat(load(Map.of("MINIPASS_PROFILE", "production", "MINIPASS_DB_URL", SHOP_DB, "MINIPASS_METRICS_ON_API_PORT", "true"))
                .observability().metricsOnApiPort()).isTrue();
        assertThat(load(Map.of("MINIPASS_MANAGEMENT_PORT", "9090")).observability().metricsOnApiPort())
                .as("development with a management port: there only").isFalse();
    }

    @ParameterizedTest
    @CsvSource({"MINIPASS_METRICS_ON_API_PORT, maybe", "MINIPASS_LOG_FORMAT, xml", "MINIPASS_LOG_FORMAT, JSON", "MINIPASS_LOG_LEVEL, DEBUGG",
            "MINIPASS_LOG_LEVEL, verbose", "MINIPASS_MANAGEMENT_PORT, 70000",
            "MINIPASS_MANAGEMENT_PORT, nine"})
    void a_wrong_operations_setting_stops_the_start_naming_it(String variable, String value) {
        assertThatThrownBy(() -> load(Map.of(variable, value)))
                .isInstanceOf(ConfigException.class).hasMessageContaining(variable);
    }

    @Test
    void the_management_port_cannot_be_the_api_port() {
        assertThatThrownBy(() -> load(Map.of("MINIPASS_PORT", "8080", "MINIPASS_MANAGEMENT_PORT", "8080")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MINIPASS_MANAGEMENT_PORT");
    }

    // --- Redis (several nodes) ------------------------------------------------------------------

    private static final String SECRET = "q5X2mV0y3yGm3m2Y7oQy8s0b1k4tW9cJ6fZrHhN2pLE=";

    @Test
    void without_a_redis_url_state_stays_in_this_process() {
        assertThat(load(Map.of()).redis()).isEmpty();
        assertThat(load(Map.of("MINIPASS_REDIS_URL", "", "MINIPASS_REDIS_SESSION_KEY_SECRET", "ignored")).redis()).isEmpty();
    }

    @Test
    void a_redis_url_turns_shared_state_on_with_its_defaults() {
        RedisConfig redis = load(Map.of("MINIPASS_REDIS_URL", "redis://127.0.0.1:6379/0",
                "MINIPASS_REDIS_SESSION_KEY_SECRET", SECRET)).redis().orElseThrow();

        assertThat(redis.url()).isEqualTo("redis://127.0.0.1:6379/0");
        assertThat(redis.keyPrefix()).isEqualTo("minipass:");
        assertThat(redis.sessionKeySecret()).isEqualTo(SECRET);
        assertThat(redis.timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(redis.settings(Duration.ofMinutes(7)).loginProofTtl()).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void the_redis_prefix_and_timeout_can_be_set() {
        RedisConfig redis = load(Map.of("MINIPASS_REDIS_URL", "rediss://cache.internal:6380/2",
                "MINIPASS_REDIS_SESSION_KEY_SECRET", SECRET, "MINIPASS_REDIS_KEY_PREFIX", "shop42:",
                "MINIPASS_REDIS_TIMEOUT", "3s")).redis().orElseThrow();

        assertThat(redis.keyPrefix()).isEqualTo("shop42:");
        assertThat(redis.timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void redis_needs_the_session_key_secret() {
        assertThatThrownBy(() -> load(Map.of("MINIPASS_REDIS_URL", "redis://127.0.0.1:6379")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MINIPASS_REDIS_SESSION_KEY_SECRET is required");
    }

    @ParameterizedTest
    @CsvSource({"c2hvcnQ=, 32 bytes", "not-base64!!, not base64"})
    void a_wrong_secret_is_named_but_never_shown(String secret, String says) {
        assertThatThrownBy(() -> load(Map.of("MINIPASS_REDIS_URL", "redis://127.0.0.1:6379",
                "MINIPASS_REDIS_SESSION_KEY_SECRET", secret)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MINIPASS_REDIS_SESSION_KEY_SECRET")
                .hasMessageContaining(says)
                .hasMessageNotContaining(secret);
    }

    @Test
    void a_url_that_is_not_redis_is_refused_without_showing_its_password() {
        assertThatThrownBy(() -> load(Map.of("MINIPASS_REDIS_URL", "http://:hunter2@127.0.0.1:6379",
                "MINIPASS_REDIS_SESSION_KEY_SECRET", SECRET)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MINIPASS_REDIS_URL must start with redis://")
                .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @CsvSource({"MINIPASS_REDIS_TIMEOUT, 0", "MINIPASS_REDIS_TIMEOUT, 2m", "MINIPASS_REDIS_TIMEOUT, soon",
            "MINIPASS_REDIS_KEY_PREFIX, 'with space:'"})
    void wrong_redis_settings_stop_the_start_with_their_name(String name, String value) {
        assertThatThrownBy(() -> load(Map.of("MINIPASS_REDIS_URL", "redis://127.0.0.1:6379",
                "MINIPASS_REDIS_SESSION_KEY_SECRET", SECRET, name, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(name);
    }

    @Test
    void the_redis_settings_print_neither_the_password_nor_the_secret() {
        RedisConfig redis = load(Map.of("MINIPASS_REDIS_URL", "redis://:hunter2@127.0.0.1:6379/0",
                "MINIPASS_REDIS_SESSION_KEY_SECRET", SECRET)).redis().orElseThrow();

        assertThat(redis.toString()).doesNotContain("hunter2").doesNotContain(SECRET).contains("redis://***@127.0.0.1:6379/0");
        assertThat(load(Map.of("MINIPASS_REDIS_URL", "redis://:hunter2@127.0.0.1:6379/0",
                "MINIPASS_REDIS_SESSION_KEY_SECRET", SECRET)).toString()).doesNotContain("hunter2").doesNotContain(SECRET);
    }
}
