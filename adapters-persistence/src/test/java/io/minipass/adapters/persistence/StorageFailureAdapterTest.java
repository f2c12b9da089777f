package io.minipass.adapters.persistence;

import io.minipass.application.port.out.NewUser;
import io.minipass.application.port.out.StorageUnavailableException;
import io.minipass.application.testing.NewUsers;
import io.minipass.domain.user.Gender;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.UserStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter when the database fails under it (on H2, through a data source a test can break): a database out of
 * reach is the port's {@link StorageUnavailableException}, a write cut off half-way leaves nothing, a deadlock or
 * a Galera conflict (at a statement or at the commit) is run again a bounded number of times, and the store works
 * again once the database is back.
 */
class StorageFailureAdapterTest {
    private static final String PREFIX = "sxo_";
    private static final String CLAIM_INSERT = "INSERT INTO sxo_minipass_openid_claim";

    private final TestDatabase database = H2TestDatabase.create();
    private final BreakableDataSource dataSource = new BreakableDataSource(database);
    private MyBatisPersistence schema;
    private ShopUserStore store;

    @BeforeEach
    void open() {
        schema = MyBatisPersistence.open(database.settings(PREFIX));
        ShopSchema layout = ShopSchema.made(ShopLayout.USER_COLUMNS);
        store = new UserColumnsStore(new StoreSessions(Mappers.sessionFactory(dataSource, PREFIX,
                database.url(), TestSettings.TIMEOUTS, layout), new StorageOutage()), false);
    }

    @AfterEach
    void close() {
        schema.close();
        database.drop();
    }

    @Test
    void a_database_out_of_reach_is_storage_unavailable_and_the_store_works_again_when_it_is_back() {
        dataSource.down.set(true);

        assertThatThrownBy(() -> store.findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("o-away")))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageStartingWith("SQLTransientConnectionException: minipass-db - Connection is not available")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> store.register(newUser("o-away")))
                .isInstanceOf(StorageUnavailableException.class);

        dataSource.down.set(false);

        assertThat(store.register(newUser("o-away")).id().value()).isPositive();
        assertThat(store.findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("o-away"))).isPresent();
    }

    @Test
    void a_connection_cut_half_way_through_a_registration_leaves_no_half_made_user() throws SQLException {
        dataSource.failOn(CLAIM_INSERT, new SQLRecoverableException("Communications link failure", "08S01"), 1);

        assertThatThrownBy(() -> store.register(newUser("o-cut")))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("Communications link failure");

        assertThat(count("SELECT COUNT(*) FROM sxo_user")).isZero();
        assertThat(count("SELECT COUNT(*) FROM sxo_minipass_openid_claim")).isZero();
        assertThat(count("SELECT COUNT(*) FROM sxo_minipass_token")).isZero();
    }

    @Test
    void a_deadlock_is_still_run_again_and_is_no_storage_failure() throws SQLException {
        dataSource.failOn(CLAIM_INSERT, new SQLTransactionRollbackException("Deadlock found", "40001"), 1);

        assertThat(store.register(newUser("o-deadlock")).id().value()).isPositive();
        assertThat(count("SELECT COUNT(*) FROM sxo_user")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM sxo_minipass_openid_claim")).isEqualTo(1);
    }

    @Test
    void a_conflict_at_the_commit_as_galera_reports_it_runs_the_whole_transaction_again() throws SQLException {
        dataSource.failCommits(new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting"
                + " transaction", "40001", 1213), 2);

        assertThat(store.register(newUser("o-certification")).id().value()).isPositive();
        assertThat(count("SELECT COUNT(*) FROM sxo_user")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM sxo_minipass_openid_claim")).isEqualTo(1);
    }

    @Test
    void a_conflict_is_run_again_up_to_sixteen_attempts_in_all_and_the_last_failure_is_the_answer() throws SQLException {
        dataSource.failOn(CLAIM_INSERT, new SQLTransactionRollbackException("Deadlock found", "40001"),
                ConflictRetries.MAX_ATTEMPTS - 1);
        assertThat(store.register(newUser("o-fifteenth")).id().value()).isPositive();

        dataSource.failOn(CLAIM_INSERT, new SQLTransactionRollbackException("Deadlock found", "40001"),
                ConflictRetries.MAX_ATTEMPTS);
        assertThatThrownBy(() -> store.register(newUser("o-sixteenth")))
                .isNotInstanceOf(StorageUnavailableException.class)
                .hasRootCauseInstanceOf(SQLTransactionRollbackException.class);
        assertThat(count("SELECT COUNT(*) FROM sxo_user")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM sxo_minipass_openid_claim")).isEqualTo(1);
    }

    @Test
    void a_conflict_on_a_statement_committed_on_its_own_is_run_again_too() {
        store.register(newUser("o-read-again"));
        dataSource.failOn("SELECT", new SQLTransactionRollbackException("Deadlock found", "40001"), 2);

        assertThat(store.findLiveByOpenId(SystemType.DEFAULT, Platform.WEIXIN, new OpenId("o-read-again"))).isPresent();
    }

    @Test
    void a_refused_statement_is_no_storage_failure() {
        dataSource.failOn(CLAIM_INSERT, new SQLException("Table 'sxo_minipass_openid_claim' doesn't exist", "42S02"), 1);

        assertThatThrownBy(() -> store.register(newUser("o-refused")))
                .isNotInstanceOf(StorageUnavailableException.class);
    }

    private static NewUser newUser(String openId) {
        return NewUsers.newcomer(Platform.WEIXIN, new OpenId(openId), Optional.empty(),
                new Profile("断线", "", Gender.SECRET, "", ""), "", 0, UserStatus.NORMAL, "0123456789abcdef0123456789abcdef", 1L);
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Plain connections to the test database, unless the test says it is down or a statement is to fail. */
    private static final class BreakableDataSource implements DataSource {
        private final TestDatabase database;
        private final AtomicReference<Boolean> down = new AtomicReference<>(false);
        private final AtomicReference<String> failingSql = new AtomicReference<>();
        private final AtomicReference<SQLException> failure = new AtomicReference<>();
        private final AtomicInteger failuresLeft = new AtomicInteger();
        private final AtomicReference<SQLException> commitFailure = new AtomicReference<>();
        private final AtomicInteger commitFailuresLeft = new AtomicInteger();

        BreakableDataSource(TestDatabase database) {
            this.database = database;
        }

        void failOn(String sqlStart, SQLException error, int times) {
            failingSql.set(sqlStart);
            failure.set(error);
            failuresLeft.set(times);
        }

        /** The next commits fail so: the switch back to autocommit that commits (ADR-16) throws it. */
        void failCommits(SQLException error, int times) {
            commitFailure.set(error);
            commitFailuresLeft.set(times);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down.get()) {
                // What HikariCP throws when no connection could be had within its connectionTimeout.
                throw new SQLTransientConnectionException("minipass-db - Connection is not available, request timed out"
                        + " after 2000ms (total=0, active=0, idle=0, waiting=0)", "08001",
                        new SQLRecoverableException("Communications link failure\n\nThe last packet sent successfully"
                                + " to the server was 0 milliseconds ago.", "08S01"));
            }
            Connection real = database.connect();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
                                && failingSql.get() != null && sql.strip().startsWith(failingSql.get())
                                && failuresLeft.getAndDecrement() > 0) {
                            throw failure.get();
                        }
                        if (method.getName().equals("setAutoCommit") && Boolean.TRUE.equals(args[0]) && !real.getAutoCommit()
                                && commitFailuresLeft.getAndDecrement() > 0) {
                            real.rollback();
                            throw commitFailure.get();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
