package dev.truce.alert.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The database-level guard that two alert runs never send the same alert: a row per truce, held with
 * SELECT ... FOR UPDATE in a transaction that lasts the whole run. Works the same in H2 and PostgreSQL;
 * a run that finds it held says so once and waits. Closing ends the transaction, which releases it.
 */
final class RunLock implements AutoCloseable {
    private final Connection connection;

    private RunLock(Connection connection) {
        this.connection = connection;
    }

    static RunLock acquire(ConnectionSource source, String name, Runnable whenWaiting) throws SQLException {
        Connection connection = source.open();
        try {
            connection.setAutoCommit(true);
            ensureRow(connection, name);
            connection.setAutoCommit(false);
            if (!select(connection, name, " NOWAIT")) {
                connection.rollback(); // PostgreSQL aborts a transaction after an error: start a new one
                whenWaiting.run();
                select(connection, name, "");
            }
            return new RunLock(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Locks the row; false if NOWAIT found it locked. */
    private static boolean select(Connection connection, String name, String mode) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT name FROM truce_alert_lock WHERE name = ? FOR UPDATE" + mode)) {
            lock.setString(1, name);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("the run lock row '" + name + "' is missing");
                }
                return true;
            }
        } catch (SQLException e) {
            if (!mode.isEmpty() && isLockBusy(e)) {
                return false;
            }
            throw e;
        }
    }

    /** H2: lock timeout (HYT00, error 50200); PostgreSQL: lock_not_available (55P03). */
    static boolean isLockBusy(SQLException e) {
        return "55P03".equals(e.getSQLState()) || "HYT00".equals(e.getSQLState()) || e.getErrorCode() == 50200;
    }

    private static void ensureRow(Connection connection, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO truce_alert_lock (name) SELECT CAST(? AS VARCHAR(200)) WHERE NOT EXISTS "
                        + "(SELECT 1 FROM truce_alert_lock WHERE name = ?)")) {
            insert.setString(1, name);
            insert.setString(2, name);
            insert.executeUpdate();
        } catch (SQLException e) {
            // another run inserted it between our check and our insert: the row is there, which is all we need
            if (!isDuplicate(e)) {
                throw e;
            }
        }
    }

    private static boolean isDuplicate(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    <T> T hold(Ledger.LockedWork<T> work) throws SQLException {
        return work.run();
    }

    /**
     * Releases the lock. It guards and holds no data (every write of the run went through the ledger's own
     * connection and is durable already), so a database that fails now (a full disk) loses nothing: the
     * lock goes with the connection, and the run's own outcome is what gets reported.
     */
    @Override
    public void close() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // released below in any case
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // the session ends with the connection, and the lock with it
        }
    }
}
