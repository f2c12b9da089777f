package io.minipass.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of docs/runbook.md, read from the document itself so that a test runs what an operator copies: the
 * {@code sql} block after each {@code <!-- NAME -->} marker ({@code grants:serve}, {@code tokens:v2}...), one
 * statement per {@code ;}, without {@code --} comments. The runbook writes the database as {@code shop} and the accounts as {@code 'minipass'} and
 * {@code 'minipass_migrate'}; {@link #on} puts a test's own names in their places.
 */
final class RunbookSql {
    static final Path RUNBOOK = Path.of("..", "docs", "runbook.md");
    private static final Pattern PASSWORD = Pattern.compile("IDENTIFIED BY '([^']*)'");

    private final String text;

    private RunbookSql(String text) {
        this.text = text;
    }

    static RunbookSql read() throws IOException {
        return new RunbookSql(Files.readString(RUNBOOK, StandardCharsets.UTF_8));
    }

    /** The statements of the block after {@code <!-- name -->}. */
    List<String> block(String name) {
        String marker = "<!-- " + name + " -->";
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new IllegalStateException(RUNBOOK + " has no " + marker);
        }
        int open = text.indexOf("```sql\n", at);
        int close = text.indexOf("\n```", open + 1);
        if (open < 0 || close < 0 || !text.substring(at + marker.length(), open).isBlank()) {
            throw new IllegalStateException(RUNBOOK + ": " + marker + " is not followed by a ```sql block");
        }
        String sql = text.substring(open + "```sql\n".length(), close).replaceAll("(?m)--.*$", "");
        return Arrays.stream(sql.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The password the block's {@code CREATE USER} gives. */
    static String password(List<String> statements) {
        for (String statement : statements) {
            Matcher found = PASSWORD.matcher(statement);
            if (found.find()) {
                return found.group(1);
            }
        }
        throw new IllegalStateException("no CREATE USER ... IDENTIFIED BY in " + statements);
    }

    /** The statements with a test's database and account names in place of {@code shop} and the runbook's accounts. */
    static List<String> on(List<String> statements, String database, String migrateAccount, String serveAccount) {
        List<String> renamed = new ArrayList<>();
        for (String statement : statements) {
            renamed.add(statement.replaceAll("\\bshop\\.", database + ".")
                    .replace("'minipass_migrate'@", "'" + migrateAccount + "'@")
                    .replace("'minipass'@", "'" + serveAccount + "'@"));
        }
        return renamed;
    }
}
