package io.minipass.bootstrap;

import io.minipass.bootstrap.cli.MinipassCommand;
import io.minipass.bootstrap.cli.InProcessCommandLine;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.minipass.adapters.platforms.stub.PlatformStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate} and {@code check} with a database account that has DML only, on the MariaDB at 127.0.0.1:3306
 * ({@code -Dminipass.test.mysql.url}): a database and an account made for this test and dropped after.
 */
class DatabaseGrantsSystemTest {
    private static final String SERVER_URL = System.getProperty("minipass.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String database = "minipass_grants_" + suffix;
    private final String dmlUser = "mp_dml_" + suffix;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private StringWriter out;

    @BeforeEach
    void makeDatabaseAndAccount() throws SQLException {
        root("CREATE DATABASE " + database, "CREATE USER '" + dmlUser + "'@'%' IDENTIFIED BY 'dml-password'",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON " + database + ".* TO '" + dmlUser + "'@'%'");
        logged.start();
        ((Logger) LoggerFactory.getLogger(MinipassCommand.class)).addAppender(logged);
    }

    @AfterEach
    void dropThem() throws Exception {
        ((Logger) LoggerFactory.getLogger(MinipassCommand.class)).detachAppender(logged);
        for (AutoCloseable closeable : closeAfter) {
            closeable.close();
        }
        root("DROP USER IF EXISTS '" + dmlUser + "'@'%'", "DROP DATABASE IF EXISTS " + database);
    }

    private static void root(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, "root", "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private Map<String, String> env(String user, String password) throws Exception {
        PlatformStub wechat = new PlatformStub();
        closeAfter.add(wechat);
        Map<String, String> env = new HashMap<>();
        env.put("MINIPASS_PROFILE", "production");
        env.put("MINIPASS_PORT", "0");
        env.put("MINIPASS_DB_URL", SERVER_URL + database);
        env.put("MINIPASS_DB_USER", user);
        env.put("MINIPASS_DB_PASSWORD", password);
        env.put("MINIPASS_WEIXIN_APPID", "wx0123456789abcdef");
        env.put("MINIPASS_WEIXIN_SECRET", "0123456789abcdef0123456789abcdef");
        env.put("MINIPASS_WEIXIN_BASE_URL", wechat.baseUrl());
        return env;
    }

    private int run(Map<String, String> env, String... args) {
        out = new StringWriter();
        CommandLine commandLine = InProcessCommandLine.of(env, server -> {
            throw new AssertionError("nothing serves here");
        });
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(SERVER_URL + database, "root", "");
             ResultSet rows = connection.createStatement().executeQuery("SHOW TABLES")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    @Test
    void migrate_with_dml_only_fails_at_once_naming_the_missing_privileges() throws Exception {
        Map<String, String> env = env(dmlUser, "dml-password");
        long started = System.nanoTime();
        assertThat(run(env, "migrate")).isEqualTo(1);
        // a measurement for the report, not a pass/fail criterion
        System.out.printf("migrate with DML only failed after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement()
                .extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("the database account may not CREATE on " + database,
                        "GRANT CREATE ON `" + database + "`.*");
        assertThat(tables()).isEmpty();
    }

    @Test
    void check_names_pending_migrations_and_the_privileges_they_need_and_creates_no_table() throws Exception {
        Map<String, String> dml = env(dmlUser, "dml-password");
        assertThat(run(dml, "check")).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).contains(
                "FAIL migrations         4 pending (version 1, 2, 3, 4): run `minipass migrate`",
                "FAIL database account   " + dmlUser + " may not CREATE: migrate needs it (GRANT CREATE)");
        assertThat(tables()).as("check writes nothing, not even Flyway's history table").isEmpty();

        assertThat(run(env("root", ""), "migrate")).isZero();
        assertThat(run(dml, "check")).as(out.toString()).isZero();
        assertThat(out.toString()).contains("OK   migrations         the schema is up to date",
                "WARN database account   " + dmlUser + " may not CREATE: migrate needs it (GRANT CREATE)");
        assertThat(run(dml, "migrate")).as("nothing to migrate: DML is enough").isZero();
    }
}
