package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One news item, one command: `truce extend` and `truce outcome` on a copy of the shipped file, as a desk records
 * "the truce was extended by a year" on 2026-12-07. Every byte of the old file stays, in order.
 */
class RecordingCommandsTest {
    private static final String OLD_END = "2026-11-10T00:01-05:00";
    private static final String NEW_END = "2027-11-10T00:01-05:00";

    @TempDir
    Path dir;
    private CliRunner cli;
    private Path file;
    private byte[] before;

    @BeforeEach
    void shipped() throws IOException {
        file = TestFiles.copyShipped(dir);
        before = Files.readAllBytes(file);
        cli = new CliRunner(dir).at("2026-12-07T14:00:00Z");
    }

    /** The old file's lines appear in the new one in order, nothing removed or changed: only lines were inserted. */
    private void onlyInserted() throws IOException {
        List<String> old = new String(before, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        List<String> now = Files.readString(file).lines().toList();
        int i = 0;
        for (String line : now) {
            if (i < old.size() && old.get(i).equals(line)) {
                i++;
            }
        }
        assertEquals(old.size(), i, "every old line kept, in order");
    }

    @Test
    void oneCommandRecordsAOneYearExtensionOfTheTruceAndOfEveryMeasureThatEndedWithIt() throws IOException {
        CliRunner.Result r = cli.run("extend", "--truce", "--due-at", OLD_END, "--until", NEW_END,
                "--source", "EO 14400 (test)");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("--- a/obligations.yaml\n+++ b/obligations.yaml\n@@ "), r.out());
        assertTrue(r.out().contains("Recorded in obligations.yaml, decided 2026-12-07 (default: today):\n"
                + "  us-cn-2025 (the truce): 2026-11-10 00:01 EST → 2027-11-10 00:01 EST\n"), r.out());
        assertTrue(r.out().contains("  cn-port-fees-suspension: 2026-11-10 00:01 EST → 2027-11-10 00:01 EST\n"), r.out());
        assertTrue(r.out().contains("Not selected (due within 24 hours of --due-at, or following the truce):\n"
                + "  us-affiliates-rule-suspension: due 2026-11-09 (through the day: 2026-11-10 00:00 EST)\n"), r.out());
        assertTrue(r.out().contains("  us-section301-exclusions: due 2026-11-09 22:59 EST"), r.out());
        assertEquals("", r.err(), "no warning: nothing was left at the old end");
        onlyInserted();
        CliRunner.Result status = cli.run("status", "--no-color");
        for (String id : List.of("cn-port-fees-suspension", "cn-rare-earth-licensing", "cn-uel-11-suspension")) {
            String row = status.out().lines().filter(l -> l.startsWith(id + " ")).findFirst().orElseThrow();
            assertTrue(row.contains("2027-11-10 00:01 EST  338"), row);
        }
        String affiliates = status.out().lines().filter(l -> l.startsWith("us-affiliates-rule-suspension ")).findFirst()
                .orElseThrow();
        assertTrue(affiliates.contains("unresolved"), "a near miss is not moved: " + affiliates);
        assertEquals(0, cli.run("validate").exitCode());
        CliRunner.Result changes = cli.run("show", "--truce", "--no-color");
        assertTrue(changes.out().contains("2027-11-10 00:01 EST  extended on 2026-12-07 by EO 14400 (test)"), changes.out());
    }

    @Test
    void aDryRunPrintsTheDiffAndWritesNothing() throws IOException {
        CliRunner.Result r = cli.run("extend", "cn-port-fees-suspension", "--until", NEW_END, "--source", "X",
                "--decided", "2026-12-01", "--dry-run");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("+    extensions:\n+      - decided: 2026-12-01\n+        until: 2027-11-10T00:01-05:00\n"
                + "+        source: X\n"), r.out());
        assertTrue(r.out().contains("Dry run, nothing written to obligations.yaml, decided 2026-12-01:"), r.out());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void theTruceAloneLeavesTheMeasuresOnTheirOwnClocksBehindAndSaysSo() {
        CliRunner.Result r = cli.run("extend", "--truce", "--until", NEW_END, "--source", "EO 14400 (test)");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("truce.extensions[3]: 7 obligations shared the old deadline of 2026-11-10 00:01 EST "
                + "and were not extended: cn-reciprocal-suspension, cn-uel-11-suspension"), r.err());
        assertTrue(cli.run("validate").err().contains("were not extended"), "validate says it too");
    }

    @Test
    void anIdThatFollowsTheTruceIsRefusedWithTheWayOut() throws IOException {
        CliRunner.Result r = cli.run("extend", "cn-rare-earth-licensing", "--until", NEW_END, "--source", "X");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("truce extend: cn-rare-earth-licensing: follows the truce: use --truce (an extension of the truce moves every "
                + "obligation due at truce-end)\n", r.err());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void mistakesAreRefusedBeforeAnythingIsWritten() throws IOException {
        List<CliRunner.Result> refused = new ArrayList<>();
        refused.add(cli.run("extend", "cn-port-fees-suspension", "--until", NEW_END, "--source", "X",
                "--decided", "2027-12-01"));
        refused.add(cli.run("extend", "cn-port-fees-suspension", "--until", "2026-11-01T00:00-05:00", "--source", "X"));
        refused.add(cli.run("extend", "us-fentanyl-tariff-cut", "--until", NEW_END, "--source", "X"));
        refused.add(cli.run("outcome", "us-reciprocal-suspension", "--result", "lapsed", "--source", "X"));
        refused.add(cli.run("extend", "--until", NEW_END, "--source", "X"));
        refused.add(cli.run("extend", "--due-at", "2026-11-10", "--until", NEW_END, "--source", "X"));
        refused.add(cli.run("outcome", "cn-uel-11-suspension", "--result", "replaced", "--source", "X"));
        refused.add(cli.run("extend", "no-such-id", "--until", NEW_END, "--source", "X"));
        List<String> first = refused.stream().map(r -> r.err().lines().findFirst().orElse("")).toList();
        assertEquals(List.of(
                "truce extend: --decided 2027-12-01: after today (2026-12-07 in America/New_York); record news once it has happened",
                "truce extend: --until 2026-11-01T00:00-05:00: not later than cn-port-fees-suspension's deadline 2026-11-10 00:01 EST "
                        + "(an extension must move the deadline later)",
                "truce extend: us-fentanyl-tariff-cut: has no deadline (due: none): there is nothing to extend",
                "truce outcome: us-reciprocal-suspension: already has an outcome (ended, decided 2026-02-20); to change it, edit "
                        + "obligations.yaml by hand",
                "truce extend: nothing to record: name obligation ids, --truce or --due-at INSTANT",
                "truce extend: Invalid value for option '--due-at': '2026-11-10' is a date; give the deadline's instant "
                        + "with its offset, e.g. 2026-11-10T00:01-05:00 (truce status --format json shows each one as due)",
                "truce outcome: --result replaced needs --replaced-by ID,... (the obligations that take over)",
                "truce extend: no obligation 'no-such-id' (truce status lists them)"), first);
        refused.forEach(r -> assertEquals(2, r.exitCode(), r.toString()));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aReportedExtensionIsShownAndMovesNothing() throws IOException {
        CliRunner.Result r = cli.run("extend", "--truce", "--reported", "--until", "2027-01-10", "--decided",
                "2026-09-23", "--source", "US Treasury Secretary, 2026-09-23");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("us-cn-2025 (the truce): reported to 2027-01-10 (not enacted: the deadline stays "
                + "2026-11-10 00:01 EST)"), r.out());
        assertTrue(Files.readString(file).contains("reported: true"));
        String status = cli.run("status", "--no-color").out();
        assertTrue(status.contains("outcome not recorded · reported: to 2027-01-10 (not enacted)"), status);
        assertEquals("", r.err(), "a reported bare date is no mistake");
        onlyInserted();
        CliRunner.Result enacted = cli.run("extend", "--truce", "--until", "2027-01-10T00:01-05:00", "--source", "EO 14401");
        assertEquals(0, enacted.exitCode(), enacted.toString());
        assertFalse(cli.run("status", "--no-color").out().contains("reported"), "the instrument caught up with the report");
    }

    @Test
    void anOutcomeForEveryRowStillOpenAtAnInstantFollowersOfTheTruceIncluded() throws IOException {
        CliRunner.Result r = cli.run("outcome", "--due-at", OLD_END, "--result", "lapsed", "--decided", "2026-11-12",
                "--source", "a test notice", "--dry-run");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("  cn-rare-earth-licensing: unresolved → lapsed"), r.out());
        assertTrue(r.out().contains("  cn-port-fees-suspension: unresolved → lapsed"), r.out());
        assertFalse(r.out().contains("us-reciprocal-suspension: "), "its outcome is in effect: " + r.out());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aBareDateAfterInstantsIsRecordedWithTheShiftNamed() {
        CliRunner.Result r = cli.run("extend", "cn-port-fees-suspension", "--until", "2027-11-10", "--source", "X");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("until 2027-11-10 is a bare date (through the end of that day, to 2027-11-11 00:00 EST) "
                + "after the date-time 2026-11-10 00:01 EST: the deadline falls 23 h 59 min later"), r.err());
    }
}
