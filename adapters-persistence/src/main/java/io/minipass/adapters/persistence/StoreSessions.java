package io.minipass.adapters.persistence;

import io.minipass.application.port.out.StorageUnavailableException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.util.function.Function;

/**
 * How both layouts' stores run their statements: each read, or each write in one transaction. Work the database
 * gave up (a deadlock, a Galera certification conflict) is run again, after a short random pause
 * ({@link ConflictRetries}). A database that cannot be reached or does not answer in time (pool wait, connect,
 * socket and statement timeouts) makes any of them throw {@link StorageUnavailableException}; what a write had done
 * by then rolls back with its transaction.
 */
final class StoreSessions {
    private final SqlSessionFactory sessions;
    private final StorageOutage outage;
    private final ConflictRetries retries;

    StoreSessions(SqlSessionFactory sessions, StorageOutage outage) {
        this(sessions, outage, ConflictRetries.standard());
    }

    StoreSessions(SqlSessionFactory sessions, StorageOutage outage, ConflictRetries retries) {
        this.sessions = sessions;
        this.outage = outage;
        this.retries = retries;
    }

    /** Whether the database is MySQL or MariaDB, where statements with {@code databaseId="mysql"} exist. */
    boolean isMysql() {
        return Mappers.MYSQL.equals(sessions.getConfiguration().getDatabaseId());
    }

    <T> T read(Function<SqlSession, T> work) {
        return autoCommitted(work);
    }

    /**
     * Runs the work with every statement committed on its own. Work the database gave up is run again whole, so it
     * must be one write (a token update), reads, or both with the write last.
     */
    <T> T autoCommitted(Function<SqlSession, T> work) {
        return run(true, work);
    }

    /** Runs the work in one transaction, committed when it returns, rolled back when it throws; a transaction the database gave up is run again. */
    <T> T write(Function<SqlSession, T> work) {
        return run(false, work);
    }

    private <T> T run(boolean autoCommit, Function<SqlSession, T> work) {
        for (int failed = 0; ; ) {
            try (SqlSession session = sessions.openSession(autoCommit)) {
                T result = work.apply(session);
                if (!autoCommit) {
                    session.commit(true);
                }
                outage.succeeded();
                return result;
            } catch (PersistenceException failure) {
                failed++;
                if (!SqlErrors.isTransient(failure) || !retries.pauseBeforeAnother(failed)) {
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
