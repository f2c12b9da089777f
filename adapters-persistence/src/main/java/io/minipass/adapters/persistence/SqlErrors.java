package io.minipass.adapters.persistence;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;

/** Reads the SQL error behind an exception the same way on MySQL, MariaDB and H2. */
final class SqlErrors {
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

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
