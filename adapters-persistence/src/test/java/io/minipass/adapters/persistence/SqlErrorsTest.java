package io.minipass.adapters.persistence;

import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class SqlErrorsTest {

    private static PersistenceException mybatis(Throwable cause) {
        return new PersistenceException("### Error querying database. Cause: " + cause, cause);
    }

    @Test
    void a_database_out_of_reach_or_too_slow_is_unavailable() {
        assertThat(SqlErrors.isUnavailable(mybatis(new SQLTransientConnectionException("pool wait over")))).isTrue();
        assertThat(SqlErrors.isUnavailable(mybatis(new SQLRecoverableException("Communications link failure", "08S01",
                new SocketTimeoutException("Read timed out"))))).isTrue();
        assertThat(SqlErrors.isUnavailable(mybatis(new SQLException("connection refused", "08001")))).isTrue();
        assertThat(SqlErrors.isUnavailable(mybatis(new SQLTimeoutException("Statement cancelled due to timeout")))).isTrue();
        assertThat(SqlErrors.isUnavailable(mybatis(new RuntimeException(new ConnectException("Connection refused"))))).isTrue();
    }

    @Test
    void a_refused_statement_or_a_deadlock_is_not() {
        assertThat(SqlErrors.isUnavailable(mybatis(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000")))).isFalse();
        assertThat(SqlErrors.isUnavailable(mybatis(new SQLTransactionRollbackException("Deadlock found", "40001")))).isFalse();
        assertThat(SqlErrors.isUnavailable(mybatis(new SQLException("You have an error in your SQL syntax", "42000")))).isFalse();
        assertThat(SqlErrors.isUnavailable(new IllegalStateException("no user with id 3"))).isFalse();
    }

    @Test
    void the_description_is_one_line_naming_the_jdbc_failure_and_its_root_cause() {
        PersistenceException failure = mybatis(new SQLTransientConnectionException(
                "minipass-db - Connection is not available, request timed out after 2001ms", "08001",
                new SQLRecoverableException("Communications link failure\n\nThe last packet sent successfully to the server"
                        + " was 0 milliseconds ago.", "08S01", new ConnectException("Connection refused"))));

        assertThat(SqlErrors.describe(failure)).isEqualTo("SQLTransientConnectionException: minipass-db - Connection is"
                + " not available, request timed out after 2001ms; cause ConnectException: Connection refused");
        assertThat(SqlErrors.describe(mybatis(new SQLException("x".repeat(1000), "08S01")))).hasSizeLessThan(420);
    }
}
