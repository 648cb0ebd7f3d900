package dev.truce.alert.ledger;

import static dev.truce.testing.TruceFixture.WEEK_BEFORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.cli.CliRunner;
import dev.truce.domain.Ack;
import dev.truce.domain.ComplianceState;
import dev.truce.testing.Truce02Acks;
import dev.truce.testing.TruceFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desk upgrading from truce 0.2, whose acks live in the embedded ledger with a copy in .truce/acks.properties:
 * alert runs honour them as they are, and the first ack command carries them over into acks.yaml once (text
 * appended like any ack, then deleted from the ledger), says so on stderr, and deletes the old copy.
 */
class AckCarryOverTest {
    /** us-tariff is due through 2026-06-30 in New York. */
    private static final Instant TARIFF_DEADLINE = Instant.parse("2026-07-01T04:00:00Z");
    /** As truce 0.2 stored it: the clock's instant, to the microsecond. */
    private static final Ack TARIFF = new Ack("t-1", "us-tariff", Instant.parse("2026-06-22T14:05:06.123456Z"), "ana",
            "known; waiting for the order", LocalDate.parse("2026-06-29"), Instant.parse("2026-06-30T04:00:00Z"),
            ComplianceState.NO_EVIDENCE, TARIFF_DEADLINE);
    private static final Ack OPEN = new Ack("t-1", "open-thing", Instant.parse("2026-06-22T15:00:00Z"), "bo",
            "no deadline", null, null, ComplianceState.NO_EVIDENCE, null);
    private static final Ack GONE = new Ack("t-1", "removed-since", Instant.parse("2026-06-01T15:00:00Z"), "bo",
            "about an obligation no longer in the file", null, null, ComplianceState.NO_EVIDENCE, null);

    @TempDir
    Path dir;

    private CliRunner truce;
    private ConnectionSource ledger;

    @BeforeEach
    void aLedgerOfTruce02WithAcks() throws Exception {
        TruceFixture.writeDefault(dir);
        truce = new CliRunner(dir).at(WEEK_BEFORE).env(Map.of("LOGNAME", "cy"));
        assertEquals(0, truce.run("alert", "--rebuild-ledger").exitCode());
        ledger = ConnectionSource.of(EmbeddedLedger.url(dir.resolve(".truce")), "", "");
        Truce02Acks.store(ledger, TARIFF, OPEN, GONE);
        Files.writeString(dir.resolve(".truce/acks.properties"), "ack.0.truce=t-1\n");
    }

    private List<Ack> stillInLedger() throws Exception {
        try (Ledger open = Ledger.open(ledger)) {
            return open.storedAcks("t-1").stream().map(Ledger.StoredAck::ack).toList();
        }
    }

    @Test
    void alertRunsHonourThemUntilAPersonCarriesThemOverWhichHappensOnceAndIsSaid() throws Exception {
        CliRunner.Result preview = truce.env(TruceFixture.smtpAt(1)).run("alert", "--dry-run");
        assertEquals(0, preview.exitCode(), preview::toString);
        assertFalse(preview.out().contains("us-tariff"), "the ledger's ack still silences us-tariff: " + preview);
        assertEquals("truce: warning: the alert ledger still holds 3 acks made before acks.yaml; they are honoured, but "
                + "status and check do not see them: run truce ack list once to carry them over into acks.yaml, then "
                + "commit it\n", preview.err());
        assertEquals(3, stillInLedger().size(), "an alert run never carries them over");
        assertFalse(Files.exists(dir.resolve("acks.yaml")));

        CliRunner.Result list = truce.env(Map.of()).run("ack", "list");
        assertEquals(0, list.exitCode(), list::toString);
        assertEquals("truce: carried 3 acks over from the alert ledger in " + dir.resolve(".truce") + " into acks.yaml "
                + "(once; the ledger keeps only what was sent): commit acks.yaml and push it, so that every clone, the "
                + "cron host and the daemons honour them; 1 of them, about obligations no longer in obligations.yaml, "
                + "silenced nothing and were dropped\n", list.err());
        assertEquals(List.of("acked                 obligation  by   until       now       reason",
                "2026-06-22 10:05 EDT  us-tariff   ana  2026-06-29  in force  known; waiting for the order",
                "2026-06-22 11:00 EDT  open-thing  bo   a change    in force  no deadline"), list.out().lines().toList());
        String acks = Files.readString(dir.resolve("acks.yaml"));
        assertTrue(acks.endsWith("""
                - {obligation: us-tariff, acked: 2026-06-22T14:05:06Z, until: 2026-06-29, compliance: no-evidence, \
                due: 2026-06-30, reason: known; waiting for the order, by: ana}

                - {obligation: open-thing, acked: 2026-06-22T15:00:00Z, compliance: no-evidence, due: none, \
                reason: no deadline, by: bo}
                """), acks);
        assertEquals(List.of(), stillInLedger(), "the ledger keeps only what was sent");
        assertFalse(Files.exists(dir.resolve(".truce/acks.properties")), "the old copy is gone");

        CliRunner.Result again = truce.run("ack", "list");
        assertEquals("", again.err(), "once");
        assertEquals(acks, Files.readString(dir.resolve("acks.yaml")));
        assertTrue(truce.run("status").out().contains("us-tariff: acked by ana on 2026-06-22, through 2026-06-29"));
        CliRunner.Result quiet = truce.env(TruceFixture.smtpAt(1)).run("alert", "--dry-run");
        assertEquals("", quiet.err(), quiet::toString);
        assertFalse(quiet.out().contains("us-tariff"), "and the file's ack silences it now: " + quiet);
    }

    @Test
    void aCarryOverCutShortAfterTheAppendDoesNotAppendTheSameAcksTwice() throws Exception {
        // as if a first carry-over appended the acks and was killed before it deleted them from the ledger
        CliRunner.Result first = truce.run("ack", "list");
        assertTrue(first.err().startsWith("truce: carried 3 acks over"), first::toString);
        assertEquals(List.of(), stillInLedger());
        String carried = Files.readString(dir.resolve("acks.yaml"));
        Truce02Acks.store(ledger, TARIFF, OPEN);
        CliRunner.Result ack = truce.run("ack", "cn-licences", "--reason", "talks");
        assertEquals(0, ack.exitCode(), ack::toString);
        assertTrue(ack.err().startsWith("truce: carried 2 acks over"), ack::toString);
        String now = Files.readString(dir.resolve("acks.yaml"));
        assertTrue(now.startsWith(carried), now);
        assertEquals(List.of("- {obligation: cn-licences"), now.substring(carried.length()).lines()
                .filter(l -> l.startsWith("- ")).map(l -> l.substring(0, l.indexOf(','))).toList(),
                "only the new ack was appended: " + now);
        assertEquals(List.of(), stillInLedger());
    }

    @Test
    void ackAndAckLiftCarryThemOverFirstSoALiftFindsTheAckItLifts() throws Exception {
        CliRunner.Result lift = truce.run("ack", "lift", "open-thing", "--reason", "talks resumed");
        assertEquals(0, lift.exitCode(), lift::toString);
        assertTrue(lift.err().startsWith("truce: carried 3 acks over"), lift::toString);
        assertEquals("lifted the ack of open-thing by cy: its alerts resume", lift.out().lines().findFirst().orElseThrow());
        assertTrue(truce.run("ack", "list").out().contains("open-thing  bo   a change    lifted by cy on 2026-06-23"));
    }
}
