package io.minipass.bootstrap.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minipass.adapters.platforms.stub.EveryPlatformStub;
import io.minipass.adapters.platforms.stub.EveryPlatformStub.AlipayGrant;
import io.minipass.adapters.platforms.stub.EveryPlatformStub.App;
import io.minipass.adapters.platforms.stub.EveryPlatformStub.Session;
import io.minipass.bootstrap.PackagedJar;
import io.minipass.bootstrap.corpus.CorpusCase.Outcome;
import io.minipass.domain.user.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.minipass.domain.user.Platform.ALIPAY;
import static io.minipass.domain.user.Platform.BAIDU;
import static io.minipass.domain.user.Platform.KUAISHOU;
import static io.minipass.domain.user.Platform.QQ;
import static io.minipass.domain.user.Platform.TOUTIAO;
import static io.minipass.domain.user.Platform.WEIXIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hostile corpus ({@link CorpusGrammar}) sent to the packaged jar, on H2, on MariaDB and on H2 as ShopXO v6.7
 * ({@code MINIPASS_SHOPXO_LAYOUT=v6}), with every platform's API
 * stubbed on 127.0.0.1 and the login proof off (so a well-formed {@code appminiuserinfo} registers). For each case:
 * the answer is the JSON envelope (HEAD: no body), as the case expects ({@link ShopxoOracle}), and the row count of
 * every table is unchanged unless the case is a valid login. After the corpus a normal login still works.
 */
class HostileCorpusIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARIADB = System.getProperty("minipass.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
    private static final Map<Platform, App> APPS = Map.of(WEIXIN, new App("wx5f1c0d2e3a4b6c7d", "wx-secret-corpus"),
            QQ, new App("1112223334", "qq-secret-corpus"), TOUTIAO, new App("tt0a1b2c3d4e5f6a7b", "tt-secret-corpus"),
            BAIDU, new App("y2dTfnWfkx2OXttMEMWlGHoB1KzMogm7", "bd-secret-corpus"),
            KUAISHOU, new App("ks671234567890123", "ks-secret-corpus"), ALIPAY, new App("2021000000000042", ""));
    private static final String BAIDU_APP_ID = "1000002";
    private static final List<String> ENVELOPE = List.of("msg", "code", "data");
    private static final int MAX_SHOWN_FAILURES = 25;

    private final List<AutoCloseable> running = new ArrayList<>();
    private Process service;

    @AfterEach
    void stop() throws Exception {
        if (service != null && service.isAlive()) {
            service.destroy();
            if (!service.waitFor(20, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
    }

    @Test
    void the_corpus_on_h2(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE"
                + ";CASE_INSENSITIVE_IDENTIFIERS=TRUE;AUTO_SERVER=TRUE;DB_CLOSE_ON_EXIT=TRUE"; // the test counts rows beside the jar
        runCorpus(dir, "h2", url, "sa", false);
    }

    @Test
    void the_corpus_on_h2_as_shopxo_v6(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE"
                + ";CASE_INSENSITIVE_IDENTIFIERS=TRUE;AUTO_SERVER=TRUE;DB_CLOSE_ON_EXIT=TRUE";
        runCorpus(dir, "h2 as ShopXO v6", url, "sa", true);
    }

    @Test
    void the_corpus_on_mariadb(@TempDir Path dir) throws Exception {
        String database = "minipass_corpus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + database);
        try {
            runCorpus(dir, "mariadb", MARIADB + database, "root", false);
        } finally {
            stop();
            service = null;
            execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    private void runCorpus(Path dir, String database, String url, String user, boolean v6) throws Exception {
        KeyPair alipayAppKeys = EveryPlatformStub.rsaKeyPair();
        EveryPlatformStub stub = new EveryPlatformStub(APPS, alipayAppKeys.getPublic());
        running.add(stub);
        int port = freePort();
        Path log = dir.resolve("service.log");
        Map<String, String> environment = environment(port, url, user, stub, alipayAppKeys);
        if (v6) {
            environment.put("MINIPASS_SHOPXO_LAYOUT", "v6");
        }
        service = PackagedJar.serve(dir, log, environment);
        PackagedJar.awaitHealthy(service, port, log);

        JsonNode reader = logIn(port, "o-corpus-reader");
        String liveToken = reader.get("token").asText();
        List<CorpusCase> corpus = new CorpusGrammar((platform, code, openId, unionId, sessionKey) -> {
            if (platform == ALIPAY) {
                stub.willGrantAlipay(code, new AlipayGrant(openId, "", false));
            } else {
                stub.willAnswer(platform, code, new Session(openId, unionId, sessionKey));
            }
        }, liveToken, v6).generate();

        List<String> failures = new ArrayList<>();
        Map<String, Integer> grew = new TreeMap<>();
        long started = System.nanoTime();
        try (TableCounts counts = new TableCounts(url, user)) {
            for (CorpusCase corpusCase : corpus) {
                Map<String, Long> before = counts.now();
                String failure;
                try {
                    RawHttp.Answer answer = RawHttp.send(port, corpusCase.request());
                    Map<String, Long> after = counts.now();
                    failure = judge(corpusCase, answer, before, after);
                    if (!before.equals(after)) {
                        grew.merge(corpusCase.kind(), 1, Integer::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    failure = "no answer: " + e;
                }
                if (failure != null) {
                    failures.add(corpusCase.label() + "\n  expected " + corpusCase.expect() + "; " + failure
                            + "\n  request:\n    " + corpusCase.request().describe().replace("\n", "\n    "));
                }
            }
            System.out.printf("hostile corpus on %s: %d cases in %d ms over tables %s; %d failed%n", database, corpus.size(),
                    (System.nanoTime() - started) / 1_000_000, counts.tables(), failures.size());
        }
        System.out.println("  per route:   " + tally(corpus, CorpusCase::route));
        System.out.println("  per kind:    " + tally(corpus, CorpusCase::kind));
        System.out.println("  per outcome: " + tally(corpus, c -> c.expect().outcome().name()));
        System.out.println("  cases that wrote rows, per kind: " + grew);

        assertThat(service.isAlive()).as("the service runs after the corpus").isTrue();
        assertThat(failures).as(failures.size() + " of " + corpus.size() + " cases failed; the first ones:\n"
                + String.join("\n", failures.subList(0, Math.min(MAX_SHOWN_FAILURES, failures.size())))).isEmpty();
        JsonNode after = logIn(port, "o-corpus-after");
        assertThat(after.get("token").asText()).matches("[0-9a-f]{32}");
        RawHttp.Answer me = RawHttp.send(port, new RawHttp.Request("GET", "/api.php?s=user/tokenuserinfo&token="
                + after.get("token").asText(), Map.of(), new byte[0]));
        assertThat(JSON.readTree(me.body()).path("data").path("id").asText()).isEqualTo(after.get("id").asText());
        RawHttp.Answer reread = RawHttp.send(port, new RawHttp.Request("GET", "/api/user/tokenuserinfo?token=" + liveToken,
                Map.of(), new byte[0]));
        assertThat(JSON.readTree(reread.body()).path("data").path("id").asText()).isEqualTo(reader.get("id").asText());
    }

    /** What is wrong with an answer, null when nothing is. */
    static String judge(CorpusCase corpusCase, RawHttp.Answer answer, Map<String, Long> before, Map<String, Long> after) {
        CorpusCase.Expect expect = corpusCase.expect();
        if (!expect.mayWrite() && !before.equals(after)) {
            return "rows changed " + before + " -> " + after + "; answer " + RawHttp.cut(answer.body(), 300);
        }
        if (answer.status() != 200) {
            return "HTTP " + answer.status() + " " + RawHttp.cut(answer.body(), 300);
        }
        String type = answer.header("content-type").replace(" ", "").toLowerCase();
        if (!type.equals("application/json;charset=utf-8")) {
            return "Content-Type '" + answer.header("content-type") + "', body " + RawHttp.cut(answer.body(), 300);
        }
        if (expect.outcome() == Outcome.BODYLESS) {
            return answer.body().isEmpty() ? null : "a body to HEAD: " + RawHttp.cut(answer.body(), 300);
        }
        JsonNode json;
        try {
            json = JSON.readTree(answer.body());
        } catch (IOException e) {
            return "not JSON: " + RawHttp.cut(answer.body(), 300);
        }
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        if (!json.isObject() || !fields.equals(ENVELOPE) || !json.get("msg").isTextual() || !json.get("code").isIntegralNumber()) {
            return "not the envelope: " + RawHttp.cut(answer.body(), 300);
        }
        int code = json.get("code").asInt();
        String msg = json.get("msg").asText();
        if (code != 0 && !(json.get("data").isArray() && json.get("data").isEmpty())) {
            return "a failure with data: " + RawHttp.cut(answer.body(), 300);
        }
        boolean success = expect.outcome() == Outcome.LOGIN || expect.outcome() == Outcome.READ;
        if (success && code != 0 || expect.outcome() == Outcome.REFUSED && code == 0
                || expect.code() != null && expect.outcome() != Outcome.NO_WRITE && code != expect.code()
                || expect.msgStart() != null && !msg.startsWith(expect.msgStart())) {
            return "answered " + code + " " + RawHttp.cut(msg, 200);
        }
        if (corpusCase.request().method().equals("OPTIONS") && !answer.header("allow").equals("GET, POST, HEAD, OPTIONS")) {
            return "OPTIONS without Allow: " + answer.headers();
        }
        return null;
    }

    private static String tally(List<CorpusCase> corpus, Function<CorpusCase, String> key) {
        return corpus.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting())).toString();
    }

    private static JsonNode logIn(int port, String openId) throws IOException {
        byte[] body = ("openid=" + openId + "&auth_data=" + Value.enc("{\"nickName\":\"corpus\"}")).getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.send(port, new RawHttp.Request("POST",
                "/api.php?s=user/appminiuserinfo&application=app&application_client_type=weixin",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), body));
        JsonNode json = JSON.readTree(answer.body());
        assertThat(json.get("code").asInt()).as(answer.body()).isZero();
        assertThat(json.get("data").get("id").asText()).matches("[1-9][0-9]*");
        return json.get("data");
    }

    private static Map<String, String> environment(int port, String url, String user, EveryPlatformStub stub, KeyPair alipayAppKeys) {
        Map<String, String> env = new HashMap<>();
        env.put("MINIPASS_HOST", "127.0.0.1");
        env.put("MINIPASS_PORT", Integer.toString(port));
        env.put("MINIPASS_DB_URL", url);
        env.put("MINIPASS_DB_USER", user);
        env.put("MINIPASS_REQUIRE_LOGIN_PROOF", "false");
        for (String budget : List.of("CODE_EXCHANGE", "REGISTRATION", "FAILED_DECRYPTION", "FAILED_TOKEN_LOOKUP",
                "PHONE_VERIFICATION", "FAILED_PHONE_VERIFICATION")) {
            env.put("MINIPASS_BUDGET_" + budget, "0/0/1m");
        }
        for (Map.Entry<Platform, App> app : APPS.entrySet()) {
            if (app.getKey() != ALIPAY && app.getKey() != BAIDU) {
                env.put(setting(app.getKey(), "APPID"), app.getValue().appId());
                env.put(setting(app.getKey(), "SECRET"), app.getValue().secret());
            }
        }
        env.put(setting(BAIDU, "APPID"), BAIDU_APP_ID);
        env.put(setting(BAIDU, "APPKEY"), APPS.get(BAIDU).appId());
        env.put(setting(BAIDU, "SECRET"), APPS.get(BAIDU).secret());
        env.put(setting(ALIPAY, "APPID"), APPS.get(ALIPAY).appId());
        env.put(setting(ALIPAY, "PRIVATE_KEY"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(alipayAppKeys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        env.put(setting(ALIPAY, "PUBLIC_KEY"), stub.alipayPublicKey());
        for (Platform platform : Platform.values()) {
            env.put(setting(platform, "BASE_URL"), stub.baseUrl(platform));
        }
        return env;
    }

    private static String setting(Platform platform, String name) {
        return "MINIPASS_" + platform.clientType().toUpperCase() + "_" + name;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(MARIADB, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
