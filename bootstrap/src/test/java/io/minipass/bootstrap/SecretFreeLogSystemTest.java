package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.read.ListAppender;
import io.minipass.adapters.platforms.stub.EveryPlatformStub;
import io.minipass.adapters.platforms.stub.EveryPlatformStub.App;
import io.minipass.adapters.platforms.stub.PlatformStub;
import io.minipass.bootstrap.ServiceClient.Answer;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.minipass.domain.user.Platform.ALIPAY;
import static io.minipass.domain.user.Platform.BAIDU;
import static io.minipass.domain.user.Platform.KUAISHOU;
import static io.minipass.domain.user.Platform.QQ;
import static io.minipass.domain.user.Platform.TOUTIAO;
import static io.minipass.domain.user.Platform.WEIXIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CONTRACT §8: no log line at any level holds a password, token, session key, app secret or mobile.
 * The whole service runs with its own logging configuration (the jar's {@code logback.xml}) at {@code MINIPASS_LOG_LEVEL=DEBUG}, on a database
 * whose password is also in its URL (H2, and MariaDB at 127.0.0.1:3306 as the other system tests use it), with
 * every platform's credentials pointed at local stubs; every line any logger lets through is captured while
 * logins, profile decryption, token look-ups and a phone binding run.
 */
class SecretFreeLogSystemTest {
    private static final String DB_PASSWORD = "h2Pw-LEAK-7d41c0e9";
    private static final String WEIXIN_APP_ID = "wx9a8b7c6d5e4f3a2b";
    private static final String WEIXIN_SECRET = "wxSecret-LEAK-51f0a2";
    private static final String BAIDU_APP_KEY = "y2dTfnWfkx2OXttMEMWlGHoB1KzMogm7";
    private static final String BAIDU_SECRET = "bdSecret-LEAK-8e2c77";
    private static final App QQ_APP = new App("1112223335", "qqSecret-LEAK-3b9d14");
    private static final App TOUTIAO_APP = new App("tt1b2c3d4e5f6a7b8c", "ttSecret-LEAK-c60e5a");
    private static final App KUAISHOU_APP = new App("ks671234567890124", "ksSecret-LEAK-0d7f31");
    private static final String MOBILE = "13987650423";
    private static final String REDIS_PASSWORD = "redisPw-LEAK-6a0f93";
    private static final String REDIS_SECRET = Base64.getEncoder().encodeToString(
            "redis-secret-LEAK-32-bytes-long!".getBytes(StandardCharsets.US_ASCII));
    /** The access token {@link PlatformStub}'s {@code stable_token} hands out. */
    private static final String WECHAT_ACCESS_TOKEN = "ACCESS_TOKEN_1";
    private static final String IV = "r7BXXKkLb8qrSNn05n0qiA==";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MARIADB_SERVER_URL = System.getProperty("minipass.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/");

    private final List<AutoCloseable> running = new ArrayList<>();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<String> sessionKeys = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private LoggerContext logging;

    @BeforeEach
    void logEverythingTheShippedConfigurationLetsThroughAtDebug() {
        logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.reset();
        ShippedLogging.apply(logging, Map.of(ShippedLogging.LEVEL, "DEBUG"));
        assertThat(logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);
        captured.setContext(logging);
        captured.start();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(captured);
    }

    @AfterEach
    void stopAndRestoreTheTestLogging() throws Exception {
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
        logging.reset();
        new ContextInitializer(logging).autoConfig();
    }

    @Test
    void on_h2_no_log_line_holds_a_password_token_session_key_secret_or_mobile() {
        String dbUrl = "jdbc:h2:mem:logs_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;PASSWORD=" + DB_PASSWORD;
        logInEverywhereAndCheckTheLog(Map.of("MINIPASS_DB_URL", dbUrl, "MINIPASS_DB_USER", "sa", "MINIPASS_DB_PASSWORD", DB_PASSWORD));
    }

    /** Connector/J's URL with the password in it, which HikariCP's DEBUG configuration dump would print. */
    @Test
    void on_mariadb_no_log_line_holds_a_password_token_session_key_secret_or_mobile() throws SQLException {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String database = "minipass_logs_" + suffix;
        String user = "minipass_logs_" + suffix;
        List<String> create = List.of("CREATE DATABASE " + database,
                "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + DB_PASSWORD + "'",
                "CREATE USER '" + user + "'@'localhost' IDENTIFIED BY '" + DB_PASSWORD + "'",
                "GRANT ALL ON " + database + ".* TO '" + user + "'@'%'",
                "GRANT ALL ON " + database + ".* TO '" + user + "'@'localhost'");
        running.add(() -> asMariaDbRoot(List.of("DROP DATABASE IF EXISTS " + database,
                "DROP USER IF EXISTS '" + user + "'@'%'", "DROP USER IF EXISTS '" + user + "'@'localhost'")));
        asMariaDbRoot(create);
        String dbUrl = MARIADB_SERVER_URL.replaceFirst("//", "//" + user + ":" + DB_PASSWORD + "@") + database
                + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
        logInEverywhereAndCheckTheLog(Map.of("MINIPASS_DB_URL", dbUrl, "MINIPASS_DB_USER", user, "MINIPASS_DB_PASSWORD", DB_PASSWORD));
    }

    /** Shared state in a Redis that asks for a password; the password and the sealing secret must never show, nor while Redis is away. */
    @Test
    void with_redis_no_log_line_holds_its_password_or_the_session_key_secret() throws Exception {
        OwnRedisServer redis = new OwnRedisServer("--requirepass", REDIS_PASSWORD);
        running.add(redis);
        String dbUrl = "jdbc:h2:mem:logs_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;PASSWORD=" + DB_PASSWORD;
        Map<String, String> env = new HashMap<>(Map.of("MINIPASS_DB_URL", dbUrl, "MINIPASS_DB_USER", "sa",
                "MINIPASS_DB_PASSWORD", DB_PASSWORD,
                "MINIPASS_REDIS_URL", "redis://:" + REDIS_PASSWORD + "@127.0.0.1:" + redis.port + "/0",
                "MINIPASS_REDIS_SESSION_KEY_SECRET", REDIS_SECRET));
        ServiceClient client = logInEverywhereAndCheckTheLog(env);
        assertThat(capturedLines()).anyMatch(line -> line.contains("shared state in Redis at redis://***@127.0.0.1:" + redis.port));

        redis.stop();
        Answer busy = auth(client, BAIDU, "bd-code-logs-1");
        assertThat(busy.code()).as(busy.body()).isEqualTo(-100);
        redis.start();

        assertNoLineHoldsASecret();
    }

    private ServiceClient logInEverywhereAndCheckTheLog(Map<String, String> database) {
        String weixinKey = sessionKey(16);
        String baiduKey = sessionKey(24);
        String qqKey = sessionKey(16);
        String toutiaoKey = sessionKey(16);
        String kuaishouKey = sessionKey(16);
        ServiceClient client = start(database, weixinKey, baiduKey, qqKey, toutiaoKey, kuaishouKey);

        // WeChat: registered at the code exchange, then the phone binding stores the mobile
        Answer wechat = auth(client, WEIXIN, "wx-code-logs-1");
        assertThat(wechat.code()).as(wechat.body()).isZero();
        String weixinOpenId = wechat.data().get("weixin_openid").asText();
        tokens.add(wechat.data().get("token").asText());
        Answer bound = client.postJson("user/onekeyusermobilebind", query(WEIXIN), Map.of("openid", weixinOpenId,
                "code", "phone-code-logs", "nickname", "日志用户", "gender", "1", "avatar", "", "province", "", "city", ""));
        assertThat(bound.code()).as(bound.body()).isZero();
        assertThat(bound.data().get("mobile").asText()).isEqualTo(MOBILE);
        tokens.add(bound.data().get("token").asText());
        assertThat(tokenUserInfo(client, bound.data().get("token").asText()).code()).isZero();

        // Baidu: the code exchange, then the encrypted profile opened with its session key
        Answer baidu = auth(client, BAIDU, "bd-code-logs-1");
        assertThat(baidu.code()).as(baidu.body()).isZero();
        String baiduOpenId = baidu.data().get("openid").asText();
        String sealed = BaiduSeal.seal(baiduKey, IV, BAIDU_APP_KEY,
                "{\"openid\":\"" + baiduOpenId + "\",\"nickname\":\"百度日志\",\"headimgurl\":\"https://b.example/l.jpg\",\"sex\":1}");
        Answer baiduInfo = info(client, BAIDU, Map.of("openid", baiduOpenId,
                "auth_data", ServiceClient.json(Map.of("encrypted_data", sealed, "iv", IV))));
        assertThat(baiduInfo.code()).as(baiduInfo.body()).isZero();
        tokens.add(baiduInfo.data().get("token").asText());

        // QQ: an encrypted profile with the shop's watermark
        Answer qq = auth(client, QQ, "qq-code-logs-1");
        assertThat(qq.code()).as(qq.body()).isZero();
        String qqOpenId = qq.data().get("openid").asText();
        String qqSealed = WatermarkedSeal.seal(qqKey, IV, "{\"openId\":\"" + qqOpenId + "\",\"nickName\":\"QQ日志\",\"gender\":1,"
                + "\"watermark\":{\"timestamp\":1700000000,\"appid\":\"" + QQ_APP.appId() + "\"}}");
        Answer qqInfo = info(client, QQ, Map.of("openid", qqOpenId,
                "auth_data", ServiceClient.json(Map.of("encrypted_data", qqSealed, "iv", IV))));
        assertThat(qqInfo.code()).as(qqInfo.body()).isZero();
        tokens.add(qqInfo.data().get("token").asText());

        // Toutiao and Kuaishou: plain profiles
        for (Platform platform : List.of(TOUTIAO, KUAISHOU)) {
            Answer exchanged = auth(client, platform, platform.clientType() + "-code-logs-1");
            assertThat(exchanged.code()).as(exchanged.body()).isZero();
            Answer plain = info(client, platform, Map.of("openid", exchanged.data().get("openid").asText(),
                    "auth_data", ServiceClient.json(Map.of("nickName", "日志" + platform.clientType(), "gender", 2))));
            assertThat(plain.code()).as(plain.body()).isZero();
            tokens.add(plain.data().get("token").asText());
        }

        // a WeChat re-login replaces the token; the old one and a made-up one are refused
        Answer again = auth(client, WEIXIN, "wx-code-logs-1");
        assertThat(again.code()).as(again.body()).isZero();
        assertThat(again.data().get("mobile").asText()).isEqualTo(MOBILE);
        tokens.add(again.data().get("token").asText());
        assertThat(tokenUserInfo(client, again.data().get("token").asText()).code()).isZero();
        assertThat(tokenUserInfo(client, bound.data().get("token").asText()).code()).isEqualTo(-400);
        String madeUp = "0123456789abcdef0123456789abcdef";
        tokens.add(madeUp);
        assertThat(tokenUserInfo(client, madeUp).code()).isEqualTo(-400);
        // a wrong phone code and profiles that do not open: failure paths log too
        assertThat(client.postJson("user/onekeyusermobilebind", query(WEIXIN), Map.of("openid", weixinOpenId,
                "code", "stale-phone-code")).code()).isEqualTo(-1);
        assertThat(info(client, BAIDU, Map.of("openid", baiduOpenId, "auth_data", ServiceClient.json(Map.of(
                "encrypted_data", BaiduSeal.seal(baiduKey, IV, "another-app-key", "{}"), "iv", IV)))).code()).isEqualTo(-1);
        assertThat(info(client, BAIDU, Map.of("openid", baiduOpenId, "auth_data", ServiceClient.json(Map.of(
                "encrypted_data", BaiduSeal.seal(sessionKey(24), IV, BAIDU_APP_KEY, "{}"), "iv", IV)))).code()).isEqualTo(-1);

        List<String> lines = capturedLines();
        assertThat(lines).as("the service logged its start").anyMatch(line -> line.contains(" serves on "));
        assertThat(capturedEvents()).as("DEBUG lines were logged").anyMatch(event -> event.getLevel() == Level.DEBUG);
        assertThat(org.slf4j.LoggerFactory.getLogger("io.minipass.adapters").isDebugEnabled())
                .as("our own code logs at DEBUG").isTrue();
        assertNoLineHoldsASecret();
        return client;
    }

    private void assertNoLineHoldsASecret() {
        List<String> lines = capturedLines();
        Map<String, String> secrets = secrets();
        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            secrets.forEach((what, secret) -> {
                if (line.contains(secret)) {
                    leaks.add(what + " in: " + line);
                }
            });
        }
        assertThat(leaks).as("log lines holding a secret").isEmpty();
    }

    /** Every secret the run handed around, named, in every spelling a log line might show it. */
    private Map<String, String> secrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the database password", DB_PASSWORD);
        secrets.put("the Redis password", REDIS_PASSWORD);
        secrets.put("the secret that seals session keys in Redis", REDIS_SECRET);
        secrets.put("the WeChat secret", WEIXIN_SECRET);
        secrets.put("the Baidu secret", BAIDU_SECRET);
        secrets.put("the QQ secret", QQ_APP.secret());
        secrets.put("the Toutiao secret", TOUTIAO_APP.secret());
        secrets.put("the Kuaishou secret", KUAISHOU_APP.secret());
        secrets.put("the WeChat access token", WECHAT_ACCESS_TOKEN);
        secrets.put("the bound mobile", MOBILE);
        for (String token : tokens) {
            secrets.put("token " + token, token);
        }
        for (String key : sessionKeys) {
            secrets.put("session key " + key, key);
            secrets.put("session key " + key + " (URL-encoded)", URLEncoder.encode(key, StandardCharsets.UTF_8));
            secrets.put("session key " + key + " (hex)", HexFormat.of().formatHex(Base64.getDecoder().decode(key)));
        }
        return secrets;
    }

    /** A copy taken under the appender's lock: the service's threads go on logging while a test reads. */
    private List<ILoggingEvent> capturedEvents() {
        synchronized (captured) {
            return new ArrayList<>(captured.list);
        }
    }

    private List<String> capturedLines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : capturedEvents()) {
            String throwable = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
            lines.add(event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage()
                    + " " + event.getMDCPropertyMap() + " " + throwable);
        }
        return lines;
    }

    private String sessionKey(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key);
        sessionKeys.add(encoded);
        return encoded;
    }

    private ServiceClient start(Map<String, String> database, String weixinKey, String baiduKey, String qqKey, String toutiaoKey, String kuaishouKey) {
        // WeChat (code exchange, access token, phone number) and Baidu share the single-app stub
        PlatformStub wechatAndBaidu;
        EveryPlatformStub others;
        try {
            wechatAndBaidu = new PlatformStub();
            running.add(wechatAndBaidu);
            others = new EveryPlatformStub(Map.of(WEIXIN, new App("", ""), QQ, QQ_APP, TOUTIAO, TOUTIAO_APP,
                    BAIDU, new App("", ""), KUAISHOU, KUAISHOU_APP, ALIPAY, new App("", "")),
                    EveryPlatformStub.rsaKeyPair().getPublic());
            running.add(others);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        wechatAndBaidu.willAnswer("wx-code-logs-1", new PlatformStub.Session("oWxLogs000000000000000001", "", weixinKey));
        wechatAndBaidu.willProvePhone(WEIXIN_APP_ID, "phone-code-logs", MOBILE);
        wechatAndBaidu.willAnswer("bd-code-logs-1", new PlatformStub.Session("k9LogsOpenidBaidu0000001", "", baiduKey));
        others.willAnswer(QQ, "qq-code-logs-1", new EveryPlatformStub.Session("8A1B2C3D4E5F60718293A4B5C6D7E8AA", "", qqKey));
        others.willAnswer(TOUTIAO, "toutiao-code-logs-1",
                new EveryPlatformStub.Session("_000LogsOpenIdToutiao0001", "", toutiaoKey));
        others.willAnswer(KUAISHOU, "kuaishou-code-logs-1",
                new EveryPlatformStub.Session("f19LogsOpenidKuaishou0001", "", kuaishouKey));

        Map<String, String> env = new HashMap<>(database);
        env.put("MINIPASS_PORT", "0");
        env.put("MINIPASS_HOST", "127.0.0.1");
        env.put("MINIPASS_WEIXIN_APPID", WEIXIN_APP_ID);
        env.put("MINIPASS_REQUIRE_LOGIN_PROOF", "false");
        env.put("MINIPASS_WEIXIN_SECRET", WEIXIN_SECRET);
        env.put("MINIPASS_WEIXIN_BASE_URL", wechatAndBaidu.baseUrl());
        env.put("MINIPASS_BAIDU_APPID", "1000003");
        env.put("MINIPASS_BAIDU_APPKEY", BAIDU_APP_KEY);
        env.put("MINIPASS_BAIDU_SECRET", BAIDU_SECRET);
        env.put("MINIPASS_BAIDU_BASE_URL", wechatAndBaidu.baseUrl());
        for (Map.Entry<Platform, App> app : Map.of(QQ, QQ_APP, TOUTIAO, TOUTIAO_APP, KUAISHOU, KUAISHOU_APP).entrySet()) {
            String prefix = "MINIPASS_" + app.getKey().clientType().toUpperCase() + "_";
            env.put(prefix + "APPID", app.getValue().appId());
            env.put(prefix + "SECRET", app.getValue().secret());
            env.put(prefix + "BASE_URL", others.baseUrl(app.getKey()));
        }
        MinipassServer server = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), env)));
        running.add(0, server);
        return new ServiceClient(server.port());
    }

    private static void asMariaDbRoot(List<String> statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(MARIADB_SERVER_URL, "root", "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String query(Platform platform) {
        return "application=app&application_client_type=" + platform.clientType() + "&referrer=0";
    }

    private static Answer auth(ServiceClient client, Platform platform, String code) {
        return client.postJson("user/appminiuserauth", query(platform), Map.of("authcode", code));
    }

    private static Answer info(ServiceClient client, Platform platform, Map<String, ?> body) {
        return client.postJson("user/appminiuserinfo", query(platform), body);
    }

    private static Answer tokenUserInfo(ServiceClient client, String token) {
        return client.get("/api.php?s=user/tokenuserinfo&token=" + token);
    }
}
