package io.minipass.bootstrap;

import io.minipass.bootstrap.cli.InProcessCommandLine;
import io.minipass.bootstrap.cli.MinipassCommand;
import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.minipass.adapters.platforms.stub.PlatformStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code java -jar minipass.jar serve|migrate|check|--help}, run in-process with the picocli command line. */
class MinipassCommandSystemTest {
    private static final String UNREACHABLE_MYSQL = "jdbc:mysql://127.0.0.1:1/shop";

    private final List<MinipassServer> started = new ArrayList<>();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void captureLog() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(MinipassCommand.class)).addAppender(logged);
    }

    @AfterEach
    void stopEverything() throws Exception {
        ((Logger) LoggerFactory.getLogger(MinipassCommand.class)).detachAppender(logged);
        for (MinipassServer server : started) {
            server.close();
        }
        for (AutoCloseable closeable : closeAfter) {
            closeable.close();
        }
    }

    private static Map<String, String> h2Memory() {
        Map<String, String> env = new HashMap<>();
        env.put("MINIPASS_PORT", "0");
        env.put("MINIPASS_HOST", "127.0.0.1");
        env.put("MINIPASS_DB_URL", "jdbc:h2:mem:cli_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        return env;
    }

    /** Settings naming a MySQL server nobody listens for, with short waits. */
    private static Map<String, String> unreachableDatabase() {
        Map<String, String> env = new HashMap<>(h2Memory());
        env.put("MINIPASS_DB_URL", UNREACHABLE_MYSQL);
        env.put("MINIPASS_DB_CONNECT_TIMEOUT", "1s");
        env.put("MINIPASS_DB_POOL_WAIT", "1s");
        return env;
    }

    private int run(Map<String, String> env, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = InProcessCommandLine.of(env, started::add);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private List<String> loggedErrors() {
        return logged.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void help_lists_the_commands_and_their_options() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("Usage: minipass", "serve", "migrate", "check", "health", "Without a command: serve",
                "Exit codes");
        assertThat(run(Map.of(), "check", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: minipass check", "stable access token");
        assertThat(run(Map.of(), "help", "migrate")).isZero();
        assertThat(out.toString()).contains("Usage: minipass migrate");
        assertThat(started).isEmpty();
    }

    @Test
    void version_names_the_release_and_the_commit_it_was_built_from() {
        assertThat(run(Map.of(), "--version")).isZero();

        // the commit is git's short id, or "unknown" for a build without a repository (a source archive)
        assertThat(out.toString().strip()).matches("minipass 1\\.0\\.0 \\(commit ([0-9a-f]{12}|unknown)\\)");
        assertThat(started).isEmpty();
    }

    @Test
    void an_unknown_command_or_option_is_a_usage_error() {
        assertThat(run(Map.of(), "launch")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument", "launch");
        assertThat(run(Map.of(), "serve", "--port=1")).isEqualTo(2);
        assertThat(started).isEmpty();
    }

    @Test
    void serve_is_the_default_and_serves() throws Exception {
        assertThat(run(h2Memory())).isZero();
        assertThat(started).hasSize(1);
        ServiceClient client = new ServiceClient(started.get(0).port());
        assertThat(client.get("/api/minipass/health").code()).isZero();

        assertThat(run(h2Memory(), "serve")).isZero();
        assertThat(started).hasSize(2);
    }

    @Test
    void a_plain_serve_is_served_as_picocli_would_and_any_other_command_line_goes_to_picocli() throws Exception {
        assertThat(MinipassCommand.execute(h2Memory(), started::add)).isZero();
        assertThat(MinipassCommand.execute(h2Memory(), started::add, "serve")).isZero();
        assertThat(started).hasSize(2);
        assertThat(new ServiceClient(started.get(0).port()).get("/api/minipass/health").code()).isZero();

        assertThat(MinipassCommand.execute(Map.of(), started::add, "serve", "--port=1")).as("usage error").isEqualTo(2);
        assertThat(MinipassCommand.execute(Map.of(), started::add, "launch")).as("usage error").isEqualTo(2);
        Map<String, String> env = new HashMap<>(h2Memory());
        env.put("MINIPASS_PROFILE", "staging");
        assertThat(MinipassCommand.execute(env, started::add)).isEqualTo(2);
        assertThat(loggedErrors()).containsExactly("cannot start: MINIPASS_PROFILE=staging is not development or production");
        assertThat(started).hasSize(2);
    }

    @Test
    void a_serve_that_cannot_start_ends_with_exit_code_1_and_logs_why() {
        Map<String, String> env = unreachableDatabase();
        assertThat(MinipassCommand.execute(env, started::add)).isEqualTo(1);
        assertThat(run(env, "serve")).as("the same through picocli").isEqualTo(1);
        assertThat(err.toString()).as("nothing left for picocli to print").isEmpty();
        assertThat(logged.list).hasSize(2).allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).isEqualTo("cannot start");
            assertThat(event.getThrowableProxy().getMessage()).contains("Communications link failure");
        });
        assertThat(started).isEmpty();
    }

    @Test
    void a_plain_serve_builds_no_picocli_model_of_the_command_line() throws Exception {
        // A JVM of its own, which lists the classes it loads: this one has loaded picocli for the other tests.
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"), ServeOnce.class.getName())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output;
        try (var lines = process.getInputStream()) {
            output = new String(lines.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("served and stopped").doesNotContain(" picocli.CommandLine source:",
                " picocli.CommandLine$Model$CommandSpec source:");
    }

    /** Serves once as {@code java -jar minipass.jar} without arguments does, on an in-memory database, and stops. */
    public static final class ServeOnce {
        public static void main(String[] args) {
            int exitCode = MinipassCommand.execute(h2Memory(), MinipassServer::close);
            System.out.println(exitCode == 0 ? "served and stopped" : "exit code " + exitCode);
        }
    }

    @Test
    void a_setting_that_makes_no_sense_ends_every_command_with_exit_code_2_naming_it() {
        Map<String, String> env = new HashMap<>(h2Memory());
        env.put("MINIPASS_PROFILE", "staging");
        for (String command : List.of("serve", "migrate")) {
            logged.list.clear();
            assertThat(run(env, command)).as(command).isEqualTo(2);
            assertThat(loggedErrors()).containsExactly("cannot start: MINIPASS_PROFILE=staging is not development or production");
        }
        assertThat(run(env)).isEqualTo(2);
        assertThat(run(env, "check")).isEqualTo(2);
        assertThat(out.toString()).isEqualToIgnoringNewLines(
                "FAIL configuration      MINIPASS_PROFILE=staging is not development or production");
        assertThat(started).isEmpty();
    }

    @Test
    void migrate_applies_the_schema_and_exits(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("shop") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        Map<String, String> env = new HashMap<>(h2Memory());
        env.put("MINIPASS_DB_URL", url);
        assertThat(run(env, "migrate")).isZero();
        assertThat(started).isEmpty();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM sxo_minipass_schema_history WHERE success")) {
            rows.next();
            assertThat(rows.getInt(1)).isGreaterThan(1);
        }
        assertThat(run(env, "migrate")).as("again: nothing to do").isZero();
    }

    @Test
    void the_embedded_database_is_created_for_its_owner_only(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Map<String, String> env = new HashMap<>(h2Memory());
        env.put("MINIPASS_DB_URL", "jdbc:h2:file:" + data.resolve("minipass")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");

        assertThat(run(env, "migrate")).isZero();
        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        Path database = data.resolve("minipass.mv.db");
        assertThat(Files.size(database)).as("H2 wrote its tables into the file made for it").isPositive();
        assertThat(Files.getPosixFilePermissions(database)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        // a database an older version left readable by everyone is closed at the next start
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(run(env)).isZero();
        assertThat(Files.getPosixFilePermissions(database)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(new ServiceClient(started.get(0).port()).get("/api/minipass/health").code()).isZero();
    }

    @Test
    void migrate_fails_with_exit_code_1_when_the_database_is_out_of_reach() {
        Map<String, String> env = unreachableDatabase();
        assertThat(run(env, "migrate")).isEqualTo(1);
        assertThat(loggedErrors()).singleElement().asString().startsWith("migration of jdbc:mysql://127.0.0.1:1/shop failed: ");
    }

    @Test
    void serve_stops_with_the_failure_of_the_database_it_opens_beside_the_rest_and_closes_what_it_opened()
            throws Exception {
        Map<String, String> env = new HashMap<>(h2Memory());
        String url = env.get("MINIPASS_DB_URL");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        env.put("MINIPASS_PORT", String.valueOf(port));
        try (Connection shop = DriverManager.getConnection(url, "sa", "")) {
            // ShopXO v2.3.3+: openids and tokens are no longer in the user table
            shop.createStatement().execute("CREATE TABLE sxo_user (id BIGINT PRIMARY KEY, nickname VARCHAR(60))");
            MinipassConfig config = MinipassConfig.load(new ConfigSource(new Properties(), env));

            // the database's own exception, not a wrapper from the thread it was opened on
            assertThatThrownBy(() -> MinipassServer.start(config))
                    .isInstanceOf(IllegalStateException.class)
                    .satisfies(failure -> assertThat(failure.getClass().getSimpleName()).isEqualTo("UnsupportedShopSchemaException"))
                    .hasMessageContaining("weixin_openid");
            assertThat(startThreadsStillAlive()).as("start-up and pool threads left running").isEmpty();
        }
        // the HTTP server, started while the database was opening, let its port go
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    /** Threads of a start that failed (its own, the pool's), given a few seconds to end. */
    private static List<String> startThreadsStillAlive() throws InterruptedException {
        List<String> alive = List.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(name -> name.startsWith("minipass-start-") || name.startsWith("minipass-db")).toList();
            if (alive.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        return alive;
    }

    @Test
    void check_in_development_reports_the_database_and_the_development_gateway() {
        assertThat(run(h2Memory(), "check")).isZero();
        String report = out.toString();
        assertThat(report).contains("OK   configuration      development profile, listens on 127.0.0.1:0",
                "OK   database           jdbc:h2:mem:cli_",
                "-    migrations         4 pending (version 1, 2, 3, 4): run `minipass migrate` (serve migrates at start)",
                "-    platform weixin    not configured: the development gateway serves it (fake openids)");
        assertThat(report.lines()).hasSize(3 + 6);
        assertThat(started).isEmpty();
    }

    @Test
    void real_credentials_with_the_proof_off_by_default_stop_serve_and_check_naming_the_setting() {
        Map<String, String> env = new HashMap<>(h2Memory());
        env.put("MINIPASS_WEIXIN_APPID", "wx0123456789abcdef");
        env.put("MINIPASS_WEIXIN_SECRET", "0123456789abcdef0123456789abcdef");

        assertThat(MinipassCommand.execute(env, started::add)).isEqualTo(2);
        assertThat(loggedErrors()).singleElement().asString().startsWith("cannot start: the credentials of [weixin] are set")
                .contains("MINIPASS_PROFILE=production");
        assertThat(run(env, "check")).isEqualTo(2);
        assertThat(out.toString()).startsWith("FAIL configuration      the credentials of [weixin] are set, but the login proof is off");
        assertThat(started).isEmpty();
    }

    @Test
    void openid_only_logins_the_operator_asked_for_are_warned_of_at_every_start_and_by_check() {
        Map<String, String> env = new HashMap<>(h2Memory());
        env.put("MINIPASS_WEIXIN_APPID", "wx0123456789abcdef");
        env.put("MINIPASS_WEIXIN_SECRET", "0123456789abcdef0123456789abcdef");
        env.put("MINIPASS_REQUIRE_LOGIN_PROOF", "false");
        ListAppender<ILoggingEvent> serverLog = new ListAppender<>();
        serverLog.start();
        Logger serverLogger = (Logger) LoggerFactory.getLogger(MinipassServer.class);
        serverLogger.addAppender(serverLog);
        try {
            assertThat(run(env, "check")).isZero();
            assertThat(out.toString()).contains("WARN login proof        OPENID-ONLY LOGINS on [weixin]");
            assertThat(MinipassCommand.execute(env, started::add)).isZero();
        } finally {
            serverLogger.detachAppender(serverLog);
        }
        assertThat(serverLog.list).filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).startsWith("*** OPENID-ONLY LOGINS on [weixin]"));
    }

    @Test
    void health_exits_0_while_the_service_answers_and_1_when_nothing_does() throws Exception {
        assertThat(run(h2Memory())).isZero();
        Map<String, String> env = new HashMap<>(h2Memory());
        env.put("MINIPASS_PORT", String.valueOf(started.get(0).port()));
        env.put("MINIPASS_HOST", "0.0.0.0");

        assertThat(run(env, "health")).as(out.toString()).isZero();
        assertThat(out.toString()).startsWith("OK   http://127.0.0.1:" + started.get(0).port() + "/api/minipass/health HTTP 200 ")
                .contains("\"code\":0");

        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            env.put("MINIPASS_PORT", String.valueOf(free.getLocalPort()));
        }
        assertThat(run(env, "health")).isEqualTo(1);
        assertThat(out.toString()).startsWith("FAIL http://127.0.0.1:");
        assertThat(started).hasSize(1);
    }

    @Test
    void check_fails_with_exit_code_1_when_the_database_is_out_of_reach() {
        Map<String, String> env = unreachableDatabase();
        assertThat(run(env, "check")).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL database           jdbc:mysql://127.0.0.1:1/shop: ");
    }

    @Test
    void check_in_production_warns_of_a_database_account_without_a_password() {
        Map<String, String> env = unreachableDatabase();
        env.put("MINIPASS_PROFILE", "production");
        run(env, "check");
        assertThat(out.toString()).contains("WARN database account   root has no password (MINIPASS_DB_PASSWORD)");

        env.put("MINIPASS_DB_PASSWORD", "a-password");
        run(env, "check");
        assertThat(out.toString()).doesNotContain("WARN database account");
    }

    @Test
    void check_in_production_asks_wechat_for_its_stable_token(@TempDir Path dir) throws Exception {
        PlatformStub wechat = new PlatformStub();
        closeAfter.add(wechat);
        Map<String, String> env = new HashMap<>(h2Memory());
        env.put("MINIPASS_DB_URL", "jdbc:h2:file:" + dir.resolve("shop") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        assertThat(run(env, "migrate")).isZero();
        env.put("MINIPASS_PROFILE", "production");
        env.put("MINIPASS_WEIXIN_APPID", "wx0123456789abcdef");
        env.put("MINIPASS_WEIXIN_SECRET", "0123456789abcdef0123456789abcdef");
        env.put("MINIPASS_WEIXIN_BASE_URL", wechat.baseUrl());
        assertThat(run(env, "check")).as(out.toString()).isZero();
        assertThat(out.toString()).contains(
                "OK   platform weixin    app id wx0123456789abcdef: stable access token issued",
                "-    platform qq        not configured: logs nobody in");

        HttpServer refusing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        refusing.createContext("/cgi-bin/stable_token", exchange -> {
            byte[] body = "{\"errcode\":40125,\"errmsg\":\"invalid appsecret, rid: 6650a1b2-0c3d4e5f\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        refusing.start();
        closeAfter.add(() -> refusing.stop(0));
        env.put("MINIPASS_WEIXIN_BASE_URL", "http://127.0.0.1:" + refusing.getAddress().getPort());
        assertThat(run(env, "check")).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL platform weixin    微信获取access_token失败[40125");
        assertThat(started).isEmpty();
    }

    @Test
    void production_without_a_database_url_refuses_every_command_naming_the_setting() {
        Map<String, String> env = new HashMap<>(h2Memory());
        env.remove("MINIPASS_DB_URL");
        env.put("MINIPASS_PROFILE", "production");

        assertThat(MinipassCommand.execute(env, started::add)).isEqualTo(2);
        assertThat(loggedErrors()).singleElement().asString()
                .startsWith("cannot start: MINIPASS_DB_URL is not set: production would keep its users in an embedded H2 file");
        assertThat(run(env, "migrate")).isEqualTo(2);
        assertThat(run(env, "check")).isEqualTo(2);
        assertThat(out.toString()).startsWith("FAIL configuration      MINIPASS_DB_URL is not set");
        assertThat(started).isEmpty();
    }

    @Test
    void check_in_production_fails_on_the_embedded_fallback_even_when_allowed_and_opens_nothing() {
        Map<String, String> env = new HashMap<>(h2Memory());
        env.remove("MINIPASS_DB_URL");
        env.put("MINIPASS_PROFILE", "production");
        env.put("MINIPASS_ALLOW_EMBEDDED_DATABASE", "true");

        assertThat(run(env, "check")).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL database           MINIPASS_DB_URL is not set: the embedded H2 file under ./data/");
    }

    @Test
    void unknown_names_are_warned_of_at_start_and_fail_check_with_the_setting_meant(@TempDir Path dir) throws Exception {
        Path properties = Files.writeString(dir.resolve("minipass.properties"), "minipass.db.pasword=x\nminipass.port=0\n");
        Map<String, String> env = new HashMap<>(h2Memory());
        env.put("MINIPASS_CONFIG", properties.toString());
        env.put("MINIPASS_TRUST_PROXY_HEADER", "true");

        assertThat(run(env, "check")).isEqualTo(1);
        assertThat(out.toString()).contains(
                "FAIL setting            the variable MINIPASS_TRUST_PROXY_HEADER is no setting (did you mean MINIPASS_TRUST_PROXY_HEADERS?)",
                "FAIL setting            the properties key minipass.db.pasword is no setting (did you mean minipass.db.password?)");

        assertThat(MinipassCommand.execute(env, started::add)).isZero();
        assertThat(logged.list).filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                        "the variable MINIPASS_TRUST_PROXY_HEADER is no setting (did you mean MINIPASS_TRUST_PROXY_HEADERS?): ignored",
                        "the properties key minipass.db.pasword is no setting (did you mean minipass.db.password?): ignored");
    }

    @Test
    void check_writes_nothing_not_even_the_embedded_database_file(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Map<String, String> env = new HashMap<>(h2Memory());
        env.put("MINIPASS_DB_URL", "jdbc:h2:file:" + data.resolve("minipass")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");

        assertThat(run(env, "check")).as(out.toString()).isZero();
        assertThat(out.toString()).contains("-    database           jdbc:h2:file:", "minipass.mv.db does not exist yet");
        assertThat(data).doesNotExist();

        env.put("MINIPASS_PROFILE", "production");
        env.put("MINIPASS_DB_PASSWORD", "a-password");
        assertThat(run(env, "check")).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL database           jdbc:h2:file:", "does not exist yet");
        assertThat(data).doesNotExist();
    }

    @Test
    void check_in_production_fails_on_pending_migrations_and_without_a_platform_naming_each(@TempDir Path dir) throws Exception {
        PlatformStub wechat = new PlatformStub();
        closeAfter.add(wechat);
        Map<String, String> env = new HashMap<>(h2Memory());
        String url = "jdbc:h2:file:" + dir.resolve("shop") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        env.put("MINIPASS_DB_URL", url);
        try (Connection shop = DriverManager.getConnection(url, "sa", "")) {
            shop.createStatement().execute("CREATE TABLE unrelated (id INT)");
        }
        env.put("MINIPASS_PROFILE", "production");

        assertThat(run(env, "check")).isEqualTo(1);
        assertThat(out.toString()).contains(
                "WARN database           an H2 database, which ShopXO never sees",
                "FAIL migrations         4 pending (version 1, 2, 3, 4): run `minipass migrate`",
                "FAIL platforms          none configured: production logs nobody in");
        try (Connection shop = DriverManager.getConnection(url, "sa", "");
             ResultSet tables = shop.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            assertThat(names).as("check writes nothing: no history table").containsExactly("unrelated");
        }

        assertThat(run(env, "migrate")).isZero();
        env.put("MINIPASS_WEIXIN_APPID", "wx0123456789abcdef");
        env.put("MINIPASS_WEIXIN_SECRET", "0123456789abcdef0123456789abcdef");
        env.put("MINIPASS_WEIXIN_BASE_URL", wechat.baseUrl());
        assertThat(run(env, "check")).as(out.toString()).isZero();
        assertThat(out.toString()).contains("OK   migrations         the schema is up to date")
                .doesNotContain("FAIL");
    }
}
