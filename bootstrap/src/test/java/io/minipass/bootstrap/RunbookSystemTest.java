package io.minipass.bootstrap;

import io.minipass.bootstrap.config.ConfigSource;
import io.minipass.bootstrap.config.MinipassConfig;
import io.minipass.bootstrap.wiring.MinipassServer;
import io.minipass.bootstrap.cli.InProcessCommandLine;
import io.minipass.bootstrap.cli.MinipassCommand;
import io.minipass.bootstrap.ServiceClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docs/runbook.md's SQL, run as written on MariaDB against a shop's database of each ShopXO layout, so that the
 * runbook stays true:
 * <ul>
 *   <li>its grants: the migrate account migrates, the serve account (granted afterwards, on the tables the migration
 *       made) serves logins, runs the unit's {@code migrate} while nothing is pending, and reaches nothing else of
 *       the shop; a grant the service needs and the runbook lacks fails here;</li>
 *   <li>its count of ShopXO's tokens refused at the switch: the tokens the service refuses under the default
 *       {@code MINIPASS_TOKEN_TTL}, and none under {@code 0}.</li>
 * </ul>
 */
class RunbookSystemTest {
    private static final String SERVER_URL = System.getProperty("minipass.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
    private static final Path FIXTURES = Path.of("..", "adapters-persistence", "src", "test", "resources");

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String database = "minipass_runbook_" + suffix;
    private final String migrateAccount = "rb_migrate_" + suffix;
    private final String serveAccount = "rb_serve_" + suffix;
    private final List<MinipassServer> started = new ArrayList<>();

    @AfterEach
    void dropEverything() throws SQLException {
        for (MinipassServer server : started) {
            server.close();
        }
        asRoot("DROP DATABASE IF EXISTS " + database,
                "DROP USER IF EXISTS '" + migrateAccount + "'@'%'",
                "DROP USER IF EXISTS '" + serveAccount + "'@'%'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"shopxo-v2.2.0-user.sql", "shopxo-v6-user.sql"})
    void the_runbooks_grants_migrate_and_serve_and_reach_no_other_table_of_the_shop(String fixture) throws Exception {
        boolean platformRows = fixture.contains("v6");
        shopDatabase(fixture);
        RunbookSql runbook = RunbookSql.read();
        List<String> migrateGrants = runbook.block("grants:migrate");
        List<String> serveGrants = new ArrayList<>(runbook.block("grants:serve"));
        if (platformRows) {
            serveGrants.addAll(runbook.block("grants:serve-v3"));
        }

        asRoot(RunbookSql.on(migrateGrants, database, migrateAccount, serveAccount).toArray(String[]::new));
        Map<String, String> migrating = settings(migrateAccount, RunbookSql.password(migrateGrants));
        assertThat(run(migrating, "migrate")).as("migrate as the migrate account").isZero();

        asRoot(RunbookSql.on(serveGrants, database, migrateAccount, serveAccount).toArray(String[]::new));
        Map<String, String> serving = settings(serveAccount, RunbookSql.password(serveGrants));
        assertThat(run(serving, "migrate")).as("the unit's migrate as the serve account, nothing pending").isZero();

        logsInOnEveryPath(new ServiceClient(serve(serving).port()));

        try (Connection connection = DriverManager.getConnection(SERVER_URL + database, serveAccount,
                RunbookSql.password(serveGrants)); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT COUNT(*) FROM sxo_order"))
                    .as("the shop's other tables").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> statement.execute("CREATE TABLE sxo_minipass_probe (id INT)"))
                    .as("no DDL for the serve account").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> statement.execute("DELETE FROM sxo_user"))
                    .as("the service never deletes ShopXO's users").isInstanceOf(SQLException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"shopxo-v2.2.0-user.sql", "shopxo-v6-user.sql"})
    void the_runbooks_count_of_shopxo_tokens_refused_at_the_switch_is_what_the_service_refuses(String fixture)
            throws Exception {
        boolean platformRows = fixture.contains("v6");
        shopDatabase(fixture);
        long now = Instant.now().getEpochSecond();
        String old = "a0000000000000000000000000000001";
        String recent = "a0000000000000000000000000000002";
        shopxoUser("o-shopxo-old", old, now - Duration.ofDays(40).toSeconds(), platformRows);
        shopxoUser("o-shopxo-recent", recent, now - Duration.ofDays(1).toSeconds(), platformRows);
        List<String> count = RunbookSql.read().block(platformRows ? "tokens:v3" : "tokens:v2");
        assertThat(count).hasSize(1);

        try (Connection connection = DriverManager.getConnection(SERVER_URL + database, "root", "");
             Statement statement = connection.createStatement();
             ResultSet counted = statement.executeQuery(count.get(0))) {
            assertThat(counted.next()).isTrue();
            assertThat(counted.getLong(1)).as("tokens the runbook counts as refused at 30d").isEqualTo(1);
        }
        Map<String, String> root = settings("root", "");
        ServiceClient byDefault = new ServiceClient(serve(root).port());
        assertThat(byDefault.get("/api.php?s=user/tokenuserinfo&token=" + old).code()).as("40 days old, 30d").isNotZero();
        assertThat(byDefault.get("/api.php?s=user/tokenuserinfo&token=" + recent).code()).as("1 day old, 30d").isZero();
        root.put("MINIPASS_TOKEN_TTL", "0");
        ServiceClient unlimited = new ServiceClient(serve(root).port());
        assertThat(unlimited.get("/api.php?s=user/tokenuserinfo&token=" + old).code()).as("40 days old, 0").isZero();
    }

    /** A user ShopXO registered and logged in, its token last written at {@code time}. */
    private void shopxoUser(String openid, String token, long time, boolean platformRows) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER_URL + database, "root", "")) {
            if (!platformRows) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sxo_user"
                        + " (weixin_openid, token, nickname, add_time, upd_time) VALUES (?, ?, 'shopxo', ?, ?)")) {
                    insert.setString(1, openid);
                    insert.setString(2, token);
                    insert.setLong(3, time);
                    insert.setLong(4, time);
                    insert.executeUpdate();
                }
                return;
            }
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sxo_user (nickname, add_time) VALUES ('shopxo', ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, time);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sxo_user_platform (user_id,"
                    + " system_type, platform, token, weixin_openid, add_time, upd_time) VALUES (?, 'default', 'weixin', ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, token);
                insert.setString(3, openid);
                insert.setLong(4, time);
                insert.setLong(5, time);
                insert.executeUpdate();
            }
        }
    }

    private MinipassServer serve(Map<String, String> env) {
        MinipassServer server = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), env)));
        started.add(server);
        return server;
    }

    /** Registrations, a returning login that replaces the token, the token's look-up; ids kept in the service's own table too. */
    private static void logsInOnEveryPath(ServiceClient client) {
        for (String platform : List.of("weixin", "toutiao", "kuaishou")) {
            Map<String, String> form = Map.of("openid", "o-runbook-" + platform, "unionid", "u-runbook-" + platform,
                    "auth_data", "{\"nickName\":\"runbook\"}");
            String query = "application=app&application_client_type=" + platform;
            Answer registered = client.postForm("user/appminiuserinfo", query, form);
            assertThat(registered.code()).as(platform + ": " + registered.body()).isZero();
            Answer again = client.postForm("user/appminiuserinfo", query, form);
            assertThat(again.code()).as(platform + " again: " + again.body()).isZero();
            String token = again.data().get("token").asText();
            assertThat(token).isNotEqualTo(registered.data().get("token").asText());
            Answer looked = client.get("/api.php?s=user/tokenuserinfo&token=" + token);
            assertThat(looked.code()).as(platform + " token: " + looked.body()).isZero();
        }
    }

    private void shopDatabase(String fixture) throws Exception {
        asRoot("CREATE DATABASE " + database);
        String ddl = Files.readString(FIXTURES.resolve(fixture), StandardCharsets.UTF_8);
        List<String> statements = new ArrayList<>();
        for (String sql : ddl.split(";\\s*\\n")) {
            String withoutComments = sql.replaceAll("(?m)^--.*$", "").strip();
            if (!withoutComments.isEmpty()) {
                statements.add(withoutComments);
            }
        }
        // One of the shop's many other tables, which the login service has no business reading.
        statements.add("CREATE TABLE sxo_order (id INT UNSIGNED NOT NULL PRIMARY KEY)");
        try (Connection connection = DriverManager.getConnection(SERVER_URL + database, "root", "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private Map<String, String> settings(String account, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("MINIPASS_PORT", "0");
        env.put("MINIPASS_HOST", "127.0.0.1");
        env.put("MINIPASS_DB_URL", SERVER_URL + database);
        env.put("MINIPASS_DB_USER", account);
        env.put("MINIPASS_DB_PASSWORD", password);
        return env;
    }

    private int run(Map<String, String> env, String... args) {
        var commandLine = InProcessCommandLine.of(env, started::add);
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }

    private static void asRoot(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, "root", "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
