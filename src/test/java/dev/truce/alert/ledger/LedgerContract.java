package dev.truce.alert.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.Ack;
import dev.truce.alert.AlertKey;
import dev.truce.alert.SentAlert;
import dev.truce.alert.TriggerKind;
import dev.truce.domain.ComplianceState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The ledger's contract, run on the embedded H2 ({@link LedgerTest}) and, when a database is named, on
 * PostgreSQL ({@link PostgresLedgerTest}): the same SQL must work on both.
 */
abstract class LedgerContract {
    static final Instant DEADLINE = Instant.parse("2026-11-10T05:01:00Z");
    static final Instant NOW = Instant.parse("2026-11-03T12:00:00Z");

    /** A database with no ledger tables in it yet. */
    abstract ConnectionSource source() throws Exception;

    @Test
    void sentAlertsSurviveReopeningWithEveryField() throws Exception {
        AlertKey threshold = new AlertKey("us-cn-2025", "us-a", TriggerKind.THRESHOLD, DEADLINE, 7, null);
        AlertKey compliance = new AlertKey("us-cn-2025", "cn-b", TriggerKind.COMPLIANCE, null, null,
                "breached@2026-10-01T04:00:00Z");
        try (Ledger ledger = Ledger.open(source())) {
            ledger.record(List.of(new SentAlert(threshold, "desk@example.com", NOW, "<1@truce>"),
                    new SentAlert(compliance, "desk@example.com", NOW, "<1@truce>")));
        }
        try (Ledger ledger = Ledger.open(source())) {
            List<SentAlert> sent = ledger.sent("us-cn-2025");
            assertEquals(2, sent.size());
            assertTrue(sent.contains(new SentAlert(threshold, "desk@example.com", NOW, "<1@truce>")), sent::toString);
            assertTrue(sent.contains(new SentAlert(compliance, "desk@example.com", NOW, "<1@truce>")), sent::toString);
            assertEquals(List.of(compliance), ledger.history("us-cn-2025", "cn-b").stream().map(SentAlert::key).toList());
            assertEquals(List.of(), ledger.sent("other-truce"));
        }
    }

    @Test
    void anAlertIsRecordedOncePerRecipient() throws Exception {
        AlertKey key = new AlertKey("t", "o", TriggerKind.EXPIRED, DEADLINE, null, null);
        try (Ledger ledger = Ledger.open(source())) {
            ledger.record(List.of(new SentAlert(key, "a@example.com", NOW, "<1@x>")));
            ledger.record(List.of(new SentAlert(key, "b@example.com", NOW, "<2@x>")));
            AlertKey other = new AlertKey("t", "o", TriggerKind.STALE, null, null, "2026-01-01T05:00:00Z");
            SQLException duplicate = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> ledger.record(List.of(new SentAlert(other, "a@example.com", NOW, "<3@x>"),
                            new SentAlert(key, "a@example.com", NOW, "<3@x>"))));
            assertEquals("23505", duplicate.getSQLState());
            assertEquals(2, ledger.sent("t").size(), "a failed message records none of its alerts");
        }
    }

    @Test
    void theAcksTruce02StoredAreReadWithWhatTheyWereAboutThenForgottenUpToTheLastOneCarried() throws Exception {
        Ack forever = new Ack("t", "o", NOW, "Ana", "known; talks ongoing", null, null, ComplianceState.BREACH_ALLEGED,
                DEADLINE);
        Ack untilDate = new Ack("t", "p", NOW.plusSeconds(60), "Bo", "waiting for MOFCOM", LocalDate.of(2026, 11, 20),
                Instant.parse("2026-11-21T05:00:00Z"), ComplianceState.NO_EVIDENCE, null);
        Ack otherTruce = new Ack("u", "p", NOW, "Cy", "elsewhere", null, null, ComplianceState.NO_EVIDENCE, null);
        try (Ledger ledger = Ledger.open(source())) {
            dev.truce.testing.Truce02Acks.store(source(), forever, untilDate, otherTruce);
            List<Ledger.StoredAck> stored = ledger.storedAcks("t");
            assertEquals(List.of(forever, untilDate), stored.stream().map(Ledger.StoredAck::ack).toList());
            assertNull(stored.get(1).ack().deadline());
            dev.truce.testing.Truce02Acks.store(source(), new Ack("t", "q", NOW, "Di", "after the read", null, null,
                    ComplianceState.NO_EVIDENCE, null));
            ledger.forgetAcks("t", stored.get(1).id());
            assertEquals(List.of("q"), ledger.storedAcks("t").stream().map(s -> s.ack().obligationId()).toList(),
                    "an ack stored after the read is not forgotten with those carried");
            assertEquals(List.of(otherTruce), ledger.storedAcks("u").stream().map(Ledger.StoredAck::ack).toList(),
                    "nor another truce's");
        }
    }

    @Test
    void aSecondRunWaitsForTheFirstToReleaseTheRunLock() throws Exception {
        try (Ledger first = Ledger.open(source()); Ledger second = Ledger.open(source())) {
            CountDownLatch secondWaits = new CountDownLatch(1);
            CompletableFuture<String> secondRun = first.whileRunLocked("t", LedgerContract::neverWaits, () -> {
                CompletableFuture<String> started = CompletableFuture.supplyAsync(() -> {
                    try {
                        return second.whileRunLocked("t", secondWaits::countDown, () -> "second ran");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertTrue(await(secondWaits), "the second run saw the lock held");
                assertFalse(started.isDone(), "and waits while the first holds it");
                return started;
            });
            assertEquals("second ran", secondRun.get(10, TimeUnit.SECONDS));
            // free again, and each truce has its own lock: neither of these waits
            assertEquals("both", second.whileRunLocked("t", LedgerContract::neverWaits,
                    () -> first.whileRunLocked("another-truce", LedgerContract::neverWaits, () -> "both")));
        }
    }

    /** The ledger's DDL exactly as truce 0.1.0 ran it (Schema.STATEMENTS of that version), before Flyway. */
    static final List<String> VERSION_0_1_0_SCHEMA = List.of(
            """
            CREATE TABLE IF NOT EXISTS truce_alert_sent (
              seq            BIGINT GENERATED BY DEFAULT AS IDENTITY,
              alert_key      VARCHAR(600) NOT NULL,
              recipient      VARCHAR(320) NOT NULL,
              truce_id       VARCHAR(100) NOT NULL,
              obligation_id  VARCHAR(200) NOT NULL,
              trigger_kind   VARCHAR(20)  NOT NULL,
              deadline_at    TIMESTAMP WITH TIME ZONE,
              threshold_days INTEGER,
              detail         VARCHAR(200),
              sent_at        TIMESTAMP WITH TIME ZONE NOT NULL,
              message_id     VARCHAR(500) NOT NULL,
              PRIMARY KEY (alert_key, recipient)
            )""",
            "CREATE INDEX IF NOT EXISTS truce_alert_sent_by_obligation ON truce_alert_sent (truce_id, obligation_id)",
            """
            CREATE TABLE IF NOT EXISTS truce_alert_ack (
              id               BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
              truce_id         VARCHAR(100)  NOT NULL,
              obligation_id    VARCHAR(200)  NOT NULL,
              acked_at         TIMESTAMP WITH TIME ZONE NOT NULL,
              acked_by         VARCHAR(200)  NOT NULL,
              reason           VARCHAR(2000) NOT NULL,
              until_date       DATE,
              until_at         TIMESTAMP WITH TIME ZONE,
              compliance_state VARCHAR(40)   NOT NULL,
              deadline_at      TIMESTAMP WITH TIME ZONE
            )""",
            "CREATE TABLE IF NOT EXISTS truce_alert_lock (name VARCHAR(200) PRIMARY KEY)");

    /** A ledger as 0.1.0 left it: its tables, a sent alert and an ack, written with 0.1.0's SQL. */
    static void writeVersion010Ledger(ConnectionSource source) throws SQLException {
        try (Connection connection = source.open(); Statement statement = connection.createStatement()) {
            for (String sql : VERSION_0_1_0_SCHEMA) {
                statement.execute(sql);
            }
            statement.execute("INSERT INTO truce_alert_sent (alert_key, recipient, truce_id, obligation_id, trigger_kind,"
                    + " deadline_at, threshold_days, detail, sent_at, message_id) VALUES ('t/o/threshold/"
                    + "2026-11-10T05:01:00Z/7/-', 'desk@example.com', 't', 'o', 'threshold', TIMESTAMP WITH TIME ZONE "
                    + "'2026-11-10 05:01:00+00', 7, NULL, TIMESTAMP WITH TIME ZONE '2026-11-03 12:00:00+00', '<1@truce>')");
            statement.execute("INSERT INTO truce_alert_ack (truce_id, obligation_id, acked_at, acked_by, reason, "
                    + "until_date, until_at, compliance_state, deadline_at) VALUES ('t', 'p', TIMESTAMP WITH TIME ZONE "
                    + "'2026-11-03 12:00:00+00', 'Ana', 'known', NULL, NULL, 'breach-alleged', NULL)");
            statement.execute("INSERT INTO truce_alert_lock (name) VALUES ('alert-run:t')");
        }
    }

    static final SentAlert OLD_SENT = new SentAlert(new AlertKey("t", "o", TriggerKind.THRESHOLD, DEADLINE, 7, null),
            "desk@example.com", NOW, "<1@truce>");
    static final Ack OLD_ACK = new Ack("t", "p", NOW, "Ana", "known", null, null, ComplianceState.BREACH_ALLEGED, null);

    /** The versions recorded in the history table, in order: "version description success" (on H2 Flyway also notes the schema). */
    static List<String> history(ConnectionSource source) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = source.open(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT \"version\", \"description\", \"success\" FROM \""
                     + Schema.HISTORY_TABLE + "\" ORDER BY \"installed_rank\"")) {
            while (result.next()) {
                if (result.getString(1) != null) {
                    rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getBoolean(3));
                }
            }
        }
        return rows;
    }

    @Test
    void aLedgerWrittenByVersion010IsBaselinedAndMigratedWithItsDataKept() throws Exception {
        writeVersion010Ledger(source());
        try (Ledger ledger = Ledger.open(source())) {
            assertEquals(List.of(OLD_SENT), ledger.sent("t"), "the alert sent by 0.1.0 is still known");
            assertEquals(List.of(OLD_ACK), ledger.storedAcks("t").stream().map(Ledger.StoredAck::ack).toList(),
                    "and so is the ack");
            SentAlert next = new SentAlert(new AlertKey("t", "o", TriggerKind.THRESHOLD, DEADLINE, 3, null),
                    "desk@example.com", NOW.plusSeconds(86400), "<2@truce>");
            ledger.prepare(List.of(next));   // V2's table is there
            ledger.confirm(List.of(next));
            assertEquals(List.of(OLD_SENT, next), ledger.sent("t"));
        }
        assertEquals(List.of("0 ledger written before migrations (truce 0.1.0) true", "1 ledger true",
                "2 sending and notices true"), history(source()));
        try (Ledger ledger = Ledger.open(source())) {
            assertEquals(2, ledger.sent("t").size());
        }
        assertEquals(3, history(source()).size(), "opening an up-to-date ledger migrates nothing");
    }

    @Test
    void aNewLedgerIsCreatedByTheMigrations() throws Exception {
        try (Ledger ledger = Ledger.open(source())) {
            assertEquals(List.of(), ledger.sent("t"));
        }
        assertEquals(List.of("1 ledger true", "2 sending and notices true"), history(source()));
    }

    /** What `truce validate` must hold ids to: LedgerLimits, read back from the columns the migrations made. */
    @Test
    void theLimitsAreTheColumnSizes() throws Exception {
        Ledger.open(source()).close();
        try (Connection connection = source().open()) {
            for (String table : List.of("truce_alert_sent", "truce_alert_sending")) {
                Map<String, Integer> sizes = columnSizes(connection, table);
                assertEquals(LedgerLimits.TRUCE_ID, sizes.get("truce_id"), table);
                assertEquals(LedgerLimits.OBLIGATION_ID, sizes.get("obligation_id"), table);
                assertEquals(LedgerLimits.RECIPIENT, sizes.get("recipient"), table);
                assertEquals(LedgerLimits.DETAIL, sizes.get("detail"), table);
                assertEquals(LedgerLimits.MESSAGE_ID, sizes.get("message_id"), table);
                assertEquals(LedgerLimits.ALERT_KEY, sizes.get("alert_key"), table);
            }
            assertEquals(LedgerLimits.TRUCE_ID, columnSizes(connection, "truce_alert_ack").get("truce_id"));
            assertEquals(LedgerLimits.OBLIGATION_ID, columnSizes(connection, "truce_alert_ack").get("obligation_id"));
        }
    }

    private static Map<String, Integer> columnSizes(Connection connection, String table) throws SQLException {
        Map<String, Integer> sizes = new HashMap<>();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet columns = connection.getMetaData().getColumns(null, null, name, null)) {
                while (columns.next()) {
                    sizes.put(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), columns.getInt("COLUMN_SIZE"));
                }
            }
        }
        return sizes;
    }

    @Test
    void aValueLongerThanItsColumnIsRefusedBeforeAnythingIsWritten() throws Exception {
        String longId = "o".repeat(LedgerLimits.OBLIGATION_ID + 1);
        SentAlert tooLong = new SentAlert(new AlertKey("t", longId, TriggerKind.EXPIRED, DEADLINE, null, null),
                "desk@example.com", NOW, "<1@x>");
        try (Ledger ledger = Ledger.open(source())) {
            SQLException refused = assertThrows(SQLException.class, () -> ledger.prepare(List.of(tooLong)));
            assertEquals(LedgerLimits.TOO_LONG_STATE, refused.getSQLState());
            assertEquals("obligation id 'ooooooooooooooooooooooooooooooooooooo...' is 201 characters; the ledger holds "
                    + "at most 200", refused.getMessage());
            assertEquals(0, count(source(), "truce_alert_sending"));
        }
    }

    @Test
    void anAlertIsBeingSentUntilConfirmedOrAbandoned() throws Exception {
        SentAlert a = new SentAlert(new AlertKey("t", "a", TriggerKind.EXPIRED, DEADLINE, null, null), "x@example.com",
                NOW, "<1@x>");
        SentAlert b = new SentAlert(new AlertKey("t", "b", TriggerKind.EXPIRED, DEADLINE, null, null), "x@example.com",
                NOW, "<2@x>");
        try (Ledger ledger = Ledger.open(source())) {
            ledger.whileRunLocked("t", LedgerContract::neverWaits, () -> {
                ledger.prepare(List.of(a));
                ledger.prepare(List.of(b));
                assertEquals(List.of(), ledger.sent("t"), "not sent until the server accepted it");
                ledger.confirm(List.of(a));
                ledger.abandon(List.of(b));
                return null;
            });
            assertEquals(List.of(a), ledger.sent("t"));
            assertEquals(0, count(source(), "truce_alert_sending"));

            // a run that died mid-send leaves its row; the next run under the lock drops it and may send again
            ledger.whileRunLocked("t", LedgerContract::neverWaits, () -> {
                ledger.prepare(List.of(b));
                return null;
            });
            assertEquals(1, count(source(), "truce_alert_sending"));
            ledger.whileRunLocked("t", LedgerContract::neverWaits, () -> {
                ledger.prepare(List.of(b));
                ledger.confirm(List.of(b));
                return null;
            });
            assertEquals(List.of(a, b), ledger.sent("t"));
        }
    }

    static int count(ConnectionSource source, String table) throws SQLException {
        try (Connection connection = source.open(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getInt(1);
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void neverWaits() {
        throw new AssertionError("nobody else holds the lock");
    }
}
