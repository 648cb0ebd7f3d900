package dev.truce.alert.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.alert.Ack;
import dev.truce.alert.AlertKey;
import dev.truce.alert.SentAlert;
import dev.truce.alert.TriggerKind;
import dev.truce.domain.ComplianceState;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The ledger's contract, run on the embedded H2 ({@link LedgerTest}) and, when a database is named, on
 * PostgreSQL ({@link PostgresLedgerTest}): the same SQL must work on both.
 */
abstract class LedgerContract {
    private static final Instant DEADLINE = Instant.parse("2026-11-10T05:01:00Z");
    private static final Instant NOW = Instant.parse("2026-11-03T12:00:00Z");

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
    void acksAreKeptWithWhatTheyWereAbout() throws Exception {
        Ack forever = new Ack("t", "o", NOW, "Ana", "known; talks ongoing", null, null, ComplianceState.BREACH_ALLEGED,
                DEADLINE);
        Ack untilDate = new Ack("t", "p", NOW.plusSeconds(60), "Bo", "waiting for MOFCOM", LocalDate.of(2026, 11, 20),
                Instant.parse("2026-11-21T05:00:00Z"), ComplianceState.NO_EVIDENCE, null);
        try (Ledger ledger = Ledger.open(source())) {
            ledger.add(forever);
            ledger.add(untilDate);
            assertEquals(List.of(forever, untilDate), ledger.acks("t"));
            assertNull(ledger.acks("t").get(1).deadline());
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
