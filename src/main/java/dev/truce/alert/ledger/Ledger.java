package dev.truce.alert.ledger;

import dev.truce.domain.Ack;
import dev.truce.alert.AlertKey;
import dev.truce.alert.SentAlert;
import dev.truce.alert.TriggerKind;
import dev.truce.domain.ComplianceState;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of what was sent to whom (and, until they are carried over to the acks file, the acks of truce 0.2
 * and earlier) in a JDBC database: an embedded H2
 * file under the state directory by default, PostgreSQL for a cluster. Brings its tables up to date on
 * opening ({@link Schema}). Every write is durable when its method returns.
 * One connection for reads and writes (auto-commit, except where a write must be all or nothing);
 * the run lock takes a connection of its own.
 */
public final class Ledger implements AutoCloseable {
    private static final String SENT_COLUMNS = "alert_key, recipient, truce_id, obligation_id, trigger_kind, "
            + "deadline_at, threshold_days, detail, sent_at, message_id";
    private static final String ACK_COLUMNS = "truce_id, obligation_id, acked_at, acked_by, reason, until_date, "
            + "until_at, compliance_state, deadline_at";

    private final ConnectionSource source;
    private final Connection connection;
    private final boolean embedded;

    private Ledger(ConnectionSource source, Connection connection, boolean embedded) {
        this.source = source;
        this.connection = connection;
        this.embedded = embedded;
    }

    /** Opens the ledger, first bringing its tables up to date ({@link Schema}). */
    public static Ledger open(ConnectionSource source) throws SQLException {
        Schema.migrate(source);
        Connection connection = source.open();
        try {
            connection.setAutoCommit(true);
            boolean embedded = "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
            return new Ledger(source, connection, embedded);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Work done while holding a lock. */
    @FunctionalInterface
    public interface LockedWork<T> {
        T run() throws SQLException;
    }

    /**
     * Does {@code work} holding the run lock of one truce, so no other run decides or sends alerts for it
     * meanwhile. {@code whenWaiting} runs once if another run holds the lock, before this one waits for it.
     */
    public <T> T whileRunLocked(String truceId, Runnable whenWaiting, LockedWork<T> work) throws SQLException {
        try (RunLock lock = RunLock.acquire(source, Schema.LOCK_NAME_PREFIX + truceId, whenWaiting)) {
            forgetUnfinishedSends(truceId);
            return lock.hold(work);
        }
    }

    /** Everything sent for the truce, in the order recorded. */
    public List<SentAlert> sent(String truceId) throws SQLException {
        return querySent("SELECT " + SENT_COLUMNS + " FROM truce_alert_sent WHERE truce_id = ? ORDER BY sent_at, seq",
                truceId);
    }

    /** What was sent for the truce, oldest first; for one obligation when {@code obligationId} is not null. */
    public List<SentAlert> history(String truceId, String obligationId) throws SQLException {
        if (obligationId == null) {
            return sent(truceId);
        }
        return querySent("SELECT " + SENT_COLUMNS + " FROM truce_alert_sent WHERE truce_id = ? AND obligation_id = ? "
                + "ORDER BY sent_at, seq", truceId, obligationId);
    }

    /**
     * Records the alerts of one accepted message, all or none, durably. For a message not yet sent use
     * {@link #prepare}, {@link #confirm} and {@link #abandon} instead, so that it is never sent unless
     * it can be recorded.
     */
    public void record(List<SentAlert> alerts) throws SQLException {
        LedgerLimits.check(alerts);
        inTransaction(() -> insert("truce_alert_sent", alerts));
    }

    /**
     * Before a message goes to the mail server: writes its alerts, durably, as being sent. Fails (and
     * nothing may be sent) if the ledger cannot hold them: a value longer than its column
     * ({@link LedgerLimits}), a full disk, a database gone. Rows of a run that died mid-send are gone by
     * now ({@link #whileRunLocked}), so the same alert can be prepared again.
     */
    public void prepare(List<SentAlert> alerts) throws SQLException {
        LedgerLimits.check(alerts);
        inTransaction(() -> insert("truce_alert_sending", alerts));
    }

    /** The server accepted the message: its alerts move from being sent to sent, in one durable transaction. */
    public void confirm(List<SentAlert> alerts) throws SQLException {
        inTransaction(() -> {
            insert("truce_alert_sent", alerts);
            deleteSending(alerts);
        });
    }

    /** The server refused the message or could not be reached: its alerts are not being sent after all. */
    public void abandon(List<SentAlert> alerts) throws SQLException {
        inTransaction(() -> deleteSending(alerts));
    }

    /**
     * Rows left being sent by a run that died between writing them and recording the message (killed, or
     * the database lost): under the run lock no other run is sending for the truce, so they are attempts
     * whose outcome nobody knows. They are dropped, so the next digest carries them again: an alert is
     * sent at least once.
     */
    private void forgetUnfinishedSends(String truceId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM truce_alert_sending WHERE truce_id = ?")) {
            delete.setString(1, truceId);
            if (delete.executeUpdate() > 0) {
                durable();
            }
        }
    }

    @FunctionalInterface
    private interface Writes {
        void run() throws SQLException;
    }

    private void inTransaction(Writes writes) throws SQLException {
        connection.setAutoCommit(false);
        try {
            writes.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException second) {
                e.addSuppressed(second);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        durable();
    }

    /**
     * Only once this returns is a commit safe from a kill -9 or a power cut. PostgreSQL flushes its log at
     * commit; H2 keeps a commit in memory until its store writes it, so CHECKPOINT SYNC writes it and
     * forces it to the device, and a full disk fails here, before anyone is told "sent".
     */
    private void durable() throws SQLException {
        if (embedded) {
            try (Statement sync = connection.createStatement()) {
                sync.execute("CHECKPOINT SYNC");
            }
        }
    }

    private void insert(String table, List<SentAlert> alerts) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (" + SENT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (SentAlert alert : alerts) {
                AlertKey key = alert.key();
                insert.setString(1, key.value());
                insert.setString(2, alert.recipient());
                insert.setString(3, key.truceId());
                insert.setString(4, key.obligationId());
                insert.setString(5, key.kind().label());
                setInstant(insert, 6, key.deadline());
                if (key.threshold() == null) {
                    insert.setNull(7, Types.INTEGER);
                } else {
                    insert.setInt(7, key.threshold());
                }
                insert.setString(8, key.detail());
                setInstant(insert, 9, alert.sentAt());
                insert.setString(10, alert.messageId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void deleteSending(List<SentAlert> alerts) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM truce_alert_sending WHERE alert_key = ? AND recipient = ?")) {
            for (SentAlert alert : alerts) {
                delete.setString(1, alert.key().value());
                delete.setString(2, alert.recipient());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /**
     * The acks of the truce still in the ledger, oldest first, with their row ids: truce 0.2 and earlier kept acks
     * here; now they live in the acks file, and these are carried over to it once ({@link #forgetAcks}).
     */
    public List<StoredAck> storedAcks(String truceId) throws SQLException {
        List<StoredAck> acks = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + ACK_COLUMNS
                + ", id FROM truce_alert_ack WHERE truce_id = ? ORDER BY acked_at, id")) {
            query.setString(1, truceId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Date until = rows.getDate(6);
                    LocalDate untilDate = until == null ? null : until.toLocalDate();
                    ComplianceState state = dev.truce.domain.Labels.parse(ComplianceState.class, rows.getString(8))
                            .orElseThrow(() -> new SQLException("unknown compliance state in the ledger"));
                    acks.add(new StoredAck(rows.getLong(10), new Ack(rows.getString(1), rows.getString(2), instant(rows, 3),
                            rows.getString(4), rows.getString(5), untilDate, instant(rows, 7), state, instant(rows, 9))));
                }
            }
        }
        return acks;
    }

    /** An ack as the ledger stored it, with its row's id. */
    public record StoredAck(long id, Ack ack) {
    }

    /**
     * Deletes the stored acks of the truce up to row {@code lastId}, durably, once they are in the acks file: the
     * ledger keeps only what was sent. Called under the run lock, so no other carry-over reads them meanwhile.
     */
    public void forgetAcks(String truceId, long lastId) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM truce_alert_ack WHERE truce_id = ? AND id <= ?")) {
                delete.setString(1, truceId);
                delete.setLong(2, lastId);
                delete.executeUpdate();
            }
        });
    }

    /**
     * Every write was made durable when its method returned, so closing has nothing left to lose: a
     * database failing now (a full disk, a lost server) does not hide what the run did.
     */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing unwritten is lost with it
        }
    }

    private List<SentAlert> querySent(String sql, String... parameters) throws SQLException {
        List<SentAlert> sent = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    TriggerKind kind = dev.truce.domain.Labels.parse(TriggerKind.class, rows.getString(5))
                            .orElseThrow(() -> new SQLException("unknown trigger kind in the ledger"));
                    int threshold = rows.getInt(7);
                    Integer thresholdDays = rows.wasNull() ? null : threshold;
                    AlertKey key = new AlertKey(rows.getString(3), rows.getString(4), kind, instant(rows, 6),
                            thresholdDays, rows.getString(8));
                    sent.add(new SentAlert(key, rows.getString(2), instant(rows, 9), rows.getString(10)));
                }
            }
        }
        return sent;
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    private static Instant instant(ResultSet rows, int index) throws SQLException {
        OffsetDateTime value = rows.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
