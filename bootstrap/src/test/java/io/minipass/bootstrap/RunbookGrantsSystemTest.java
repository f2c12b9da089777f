package io.minipass.bootstrap;

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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docs/runbook.md's database grants, run as written on MariaDB against a shop's database of each ShopXO layout: the
 * migrate account migrates it, the serve account (granted afterwards, on the tables the migration made) serves
 * logins, runs the unit's {@code migrate} before each start while nothing is pending, and reaches nothing else of
 * the shop. Keeps the runbook true: a grant the service needs and the runbook lacks fails here.
 */
class RunbookGrantsSystemTest {
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
        RunbookGrants runbook = RunbookGrants.read();
        List<String> migrateGrants = runbook.block("migrate");
        List<String> serveGrants = new ArrayList<>(runbook.block("serve"));
        if (platformRows) {
            serveGrants.addAll(runbook.block("serve-v3"));
        }

        asRoot(RunbookGrants.on(migrateGrants, database, migrateAccount, serveAccount).toArray(String[]::new));
        Map<String, String> migrating = settings(migrateAccount, RunbookGrants.password(migrateGrants));
        assertThat(run(migrating, "migrate")).as("migrate as the migrate account").isZero();

        asRoot(RunbookGrants.on(serveGrants, database, migrateAccount, serveAccount).toArray(String[]::new));
        Map<String, String> serving = settings(serveAccount, RunbookGrants.password(serveGrants));
        assertThat(run(serving, "migrate")).as("the unit's migrate as the serve account, nothing pending").isZero();

        MinipassServer server = MinipassServer.start(MinipassConfig.load(new ConfigSource(new Properties(), serving)));
        started.add(server);
        logsInOnEveryPath(new ServiceClient(server.port()));

        try (Connection connection = DriverManager.getConnection(SERVER_URL + database, serveAccount,
                RunbookGrants.password(serveGrants)); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT COUNT(*) FROM sxo_order"))
                    .as("the shop's other tables").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> statement.execute("CREATE TABLE sxo_minipass_probe (id INT)"))
                    .as("no DDL for the serve account").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> statement.execute("DELETE FROM sxo_user"))
                    .as("the service never deletes ShopXO's users").isInstanceOf(SQLException.class);
        }
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
        var commandLine = MinipassCommand.commandLine(env, started::add);
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
