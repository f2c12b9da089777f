package io.minipass.adapters.persistence;

import io.minipass.application.port.out.StorageUnavailableException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.util.function.Function;

/**
 * How both layouts' stores run their statements: each read, or each write in one transaction that a deadlock
 * runs again. A database that cannot be reached or does not answer in time (pool wait, connect, socket and
 * statement timeouts) makes any of them throw {@link StorageUnavailableException}; what a write had done by
 * then rolls back with its transaction.
 */
final class StoreSessions {
    /** A transaction the database gave up (deadlock) is run again this many times in all. */
    private static final int MAX_ATTEMPTS = 3;

    private final SqlSessionFactory sessions;
    private final StorageOutage outage;

    StoreSessions(SqlSessionFactory sessions, StorageOutage outage) {
        this.sessions = sessions;
        this.outage = outage;
    }

    /** Whether the database is MySQL or MariaDB, where statements with {@code databaseId="mysql"} exist. */
    boolean isMysql() {
        return Mappers.MYSQL.equals(sessions.getConfiguration().getDatabaseId());
    }

    <T> T read(Function<SqlSession, T> work) {
        return autoCommitted(work);
    }

    /** Runs the work with every statement committed on its own. */
    <T> T autoCommitted(Function<SqlSession, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            T result = work.apply(session);
            outage.succeeded();
            return result;
        } catch (PersistenceException failure) {
            throw unavailableOrAsIs(failure);
        }
    }

    /** Runs the work in one transaction, committed when it returns, rolled back when it throws; a transaction the database gave up is run again. */
    <T> T write(Function<SqlSession, T> work) {
        for (int attempt = 1; ; attempt++) {
            try (SqlSession session = sessions.openSession(false)) {
                T result = work.apply(session);
                session.commit(true);
                outage.succeeded();
                return result;
            } catch (PersistenceException failure) {
                if (attempt >= MAX_ATTEMPTS || !SqlErrors.isTransient(failure)) {
                    throw unavailableOrAsIs(failure);
                }
            }
        }
    }

    /** The ports' own exception for a database that is out of reach; any other failure as it came. */
    private RuntimeException unavailableOrAsIs(PersistenceException failure) {
        if (!SqlErrors.isUnavailable(failure)) {
            return failure;
        }
        String cause = SqlErrors.describe(failure);
        outage.failed(cause);
        return new StorageUnavailableException(cause, failure);
    }
}
