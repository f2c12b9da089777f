package io.minipass.adapters.persistence;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

/** Reads the SQL error behind an exception the same way on MySQL, MariaDB and H2. */
final class SqlErrors {
    private static final int MAX_DESCRIPTION = 400;

    private SqlErrors() {
    }

    /** A unique or primary key already held the value. */
    static boolean isDuplicateKey(Throwable failure) {
        SQLException sql = sqlCause(failure);
        return sql instanceof SQLIntegrityConstraintViolationException
                || sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
    }

    /** The database gave up the transaction (deadlock, serialization failure): running it again may succeed. */
    static boolean isTransient(Throwable failure) {
        SQLException sql = sqlCause(failure);
        return sql instanceof SQLTransactionRollbackException || sql != null && "40001".equals(sql.getSQLState());
    }

    /**
     * The database could not be reached or did not answer in time: no connection within the pool wait
     * (HikariCP), a refused, cut or silent connection (Connector/J's communications failures, SQLSTATE
     * class 08), a statement or socket timeout. Not a refusal of the SQL itself (a key, a syntax error).
     */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof SQLTimeoutException
                    || cause instanceof IOException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /**
     * One line for the log: the first JDBC-level failure's class and message, and the root cause's when
     * it is another ({@code SQLTransientConnectionException: minipass-db - Connection is not available,
     * request timed out after 2001ms ...; cause ConnectException: Connection refused}). Driver and pool
     * messages name hosts and timings, never a statement's values or a password.
     */
    static String describe(Throwable failure) {
        Throwable telling = sqlCause(failure);
        if (telling == null) {
            telling = failure;
        }
        Throwable root = telling;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String line = summary(telling) + (root == telling ? "" : "; cause " + summary(root));
        return line.length() <= MAX_DESCRIPTION ? line : line.substring(0, MAX_DESCRIPTION) + "...";
    }

    private static String summary(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().replaceAll("\\s+", " ").trim();
        return failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
