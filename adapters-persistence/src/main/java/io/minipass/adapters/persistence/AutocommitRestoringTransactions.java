package io.minipass.adapters.persistence;

import org.apache.ibatis.session.TransactionIsolationLevel;
import org.apache.ibatis.transaction.Transaction;
import org.apache.ibatis.transaction.TransactionFactory;
import org.apache.ibatis.transaction.jdbc.JdbcTransaction;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * MyBatis's JDBC transactions, each committed by switching its connection back to autocommit, which JDBC
 * defines to commit: on MySQL and MariaDB one round trip ({@code SET autocommit=1}) where a commit and then the
 * switch back that MyBatis makes on close are two (docs/design.md, ADR-16). A rollback is MyBatis's own.
 */
final class AutocommitRestoringTransactions implements TransactionFactory {

    @Override
    public Transaction newTransaction(Connection connection) {
        return new CommittedBySwitchingBack(connection);
    }

    @Override
    public Transaction newTransaction(DataSource dataSource, TransactionIsolationLevel level, boolean autoCommit) {
        return new CommittedBySwitchingBack(dataSource, level, autoCommit);
    }

    private static final class CommittedBySwitchingBack extends JdbcTransaction {
        CommittedBySwitchingBack(Connection connection) {
            super(connection);
        }

        CommittedBySwitchingBack(DataSource dataSource, TransactionIsolationLevel level, boolean autoCommit) {
            super(dataSource, level, autoCommit);
        }

        @Override
        public void commit() throws SQLException {
            if (connection != null && !connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
        }
    }
}
