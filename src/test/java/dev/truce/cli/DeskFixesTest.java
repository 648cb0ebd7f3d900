package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small things a desk analyst tripped over, each pinned (issue 15, item 7). */
class DeskFixesTest {
    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        TestFiles.copyShipped(dir);
        cli = new CliRunner(dir).at("2026-11-20T12:00:00Z");
    }

    @Test
    void anAsOfFarOutsideTheTruceYearsIsRefusedWithTheFlagNamed() {
        for (String date : new String[] {"1969-12-31", "2101-01-01", "0202-11-20", "20261-01-01"}) {
            CliRunner.Result r = cli.run("status", "--as-of", date);
            assertEquals(2, r.exitCode(), r::toString);
            assertTrue(r.err().startsWith("truce status: Invalid value for option '--as-of': '" + date + "'"), r.err());
        }
        assertTrue(cli.run("status", "--as-of", "1969-12-31").err().contains("is outside 1970–2100 (a typo in the year?)"));
        assertEquals(0, cli.run("status", "--as-of", "2025-05-14").exitCode());
    }

    @Test
    void labelOptionsSuggestTheNearestValue() {
        CliRunner.Result kind = cli.run("status", "--kind", "purchse");
        assertEquals(2, kind.exitCode());
        assertTrue(kind.err().contains("'purchse' is not a kind (expected one of paused-tariff, suspended-countermeasure, "
                + "export-control, purchase, measure, other); did you mean 'purchase'?"), kind.err());
        CliRunner.Result compliance = cli.run("status", "--compliance", "breach");
        assertEquals(2, compliance.exitCode());
        assertTrue(compliance.err().contains("did you mean 'breached'?"), compliance.err());
    }

    @Test
    void withinKeepsPassedDeadlinesOnlyWithOverdue() {
        CliRunner.Result within = cli.run("status", "--within", "5", "--format", "csv");
        assertTrue(within.out().lines().skip(1).noneMatch(l -> l.contains(",unresolved,")), within.out());
        CliRunner.Result overdue = cli.run("status", "--within", "5", "--overdue", "--format", "csv");
        assertTrue(overdue.out().lines().skip(1).anyMatch(l -> l.contains(",unresolved,")), overdue.out());
        assertTrue(overdue.out().lines().skip(1).allMatch(l -> l.contains(",unresolved,") || l.contains(",due-")),
                overdue.out());
        CliRunner.Result alone = cli.run("status", "--overdue");
        assertEquals(2, alone.exitCode());
        assertTrue(alone.err().contains("--overdue goes with --within DAYS"), alone.err());
    }

    @Test
    void evidenceAddChecksTheIdFirstThenFallsBackToTheLoginNameForBy() throws Exception {
        String[] entry = {"--stance", "complies", "--claimant", "US", "--basis", "act", "--source", "Order 9", "--date", "2026-11-19"};
        CliRunner nobody = new CliRunner(dir).at("2026-11-20T12:00:00Z").env(Map.of());
        CliRunner.Result unknown = nobody.run(concat(new String[] {"evidence", "add", "cn-rare-earth-licencing"}, entry));
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("truce evidence add: no obligation 'cn-rare-earth-licencing' in obligations.yaml"), unknown.err());
        String before = Files.readString(dir.resolve("evidence.yaml"));
        CliRunner ana = new CliRunner(dir).at("2026-11-20T12:00:00Z").env(Map.of("LOGNAME", "ana", "USER", "root"));
        CliRunner.Result added = ana.run(concat(new String[] {"evidence", "add", "cn-rare-earth-licensing"}, entry));
        assertEquals(0, added.exitCode(), added::toString);
        String appended = Files.readString(dir.resolve("evidence.yaml")).substring(before.length());
        assertTrue(appended.contains("recorded_by: \"ana\""), appended);
        CliRunner root = new CliRunner(dir).at("2026-11-20T12:00:00Z").env(Map.of("USER", "ops"));
        String[] other = entry.clone();
        other[7] = "Order 10";
        assertEquals(0, root.run(concat(new String[] {"evidence", "add", "cn-rare-earth-licensing"}, other)).exitCode());
        assertTrue(Files.readString(dir.resolve("evidence.yaml")).contains("recorded_by: \"ops\""));
    }

    @Test
    void evidenceAddRecordsAnAmountAndShowCountsItTowardTheTarget() {
        CliRunner at = new CliRunner(dir).at("2026-01-21T12:00:00Z").env(Map.of("LOGNAME", "ana"));
        CliRunner.Result added = at.run("evidence", "add", "cn-soybeans-2026", "--stance", "complies", "--claimant", "US",
                "--basis", "data", "--source", "USDA export sales (test)", "--date", "2026-01-20", "--amount", "9.5");
        assertEquals(0, added.exitCode(), added::toString);
        assertTrue(added.out().contains("  amount: 9.5\n"), added.out());
        CliRunner.Result show = at.run("show", "cn-soybeans-2026");
        assertTrue(show.out().contains("  progress   9.5 of "), show.out());
        CliRunner.Result wrong = at.run("evidence", "add", "cn-rare-earth-licensing", "--stance", "complies",
                "--claimant", "US", "--basis", "data", "--source", "x", "--date", "2026-01-20", "--amount", "3");
        assertEquals(2, wrong.exitCode(), "no target, no amount: " + wrong);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
