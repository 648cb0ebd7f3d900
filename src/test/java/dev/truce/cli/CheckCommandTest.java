package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `truce check` as Nagios, Icinga or Zabbix run it: one line on stdout, exit 0 to 3. */
class CheckCommandTest {
    @TempDir
    Path dir;

    /**
     * A fresh clone on 2026-11-26: CRITICAL for the deadline due tomorrow, which someone can act on; the breach
     * (the counterparty's doing) and the missing alert runs are warnings in the same line.
     */
    @Test
    void shippedFileTodayIsCriticalForTheDeadlineDueAndNamesTheBreachedAndUnresolvedObligations() {
        TestFiles.copyShipped(dir);
        CliRunner.Result result = new CliRunner(dir).run("check");
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("TRUCE CRITICAL - no successful alert run recorded yet: set up cron (scripts/truce-cron) or the "
                + "daemon, or give --alert-max-age 0 where no alerts are sent; "
                + "1 obligation due within 3 days, next: cn-ga-ge-sb-ban-suspension in 1 day; "
                + "1 obligation breached, counted as WARNING: cn-rare-earth-licensing; "
                + "13 deadlines passed with no outcome recorded: cn-mofcom-70-suspension, us-section301-ship-fees-suspension, "
                + "us-restrictive-measures and 10 more (latest cn-mofcom-70-suspension, passed 15 days ago); "
                + "1 more due within 14 days, next: cn-general-licences in 6 days"
                + " | due_warning=2;0;;0;38 due_critical=1;;0;0;38 breached=1;0;;0;38 unresolved=13;0;;0;38 acked=0;;;0;38"
                + " next_due_days=1;;;0; last_alert_age_h=U;;26;0;\n",
                result.out());
        assertEquals("", result.err());
    }

    /**
     * Issue 21 item 2, the severity policy: CRITICAL only for a deadline within --critical (and alerts stopped,
     * in AlertsStoppedTest); a breach is what --breached-as says, WARNING by default, so the check is not muted
     * over something no operator can fix. On the shipped file with no deadline within 3 days.
     */
    @Test
    void aBreachIsAWarningUnlessBreachedAsSaysOtherwise() {
        TestFiles.copyShipped(dir);
        CliRunner truce = new CliRunner(dir);
        String[] quiet = {"check", "--alert-max-age", "0", "--critical", "0", "--unresolved-for", "0"};
        CliRunner.Result byDefault = truce.run(quiet);
        assertEquals(1, byDefault.exitCode(), byDefault::toString);
        assertTrue(byDefault.out().startsWith("TRUCE WARNING - 1 obligation breached, counted as WARNING: "
                + "cn-rare-earth-licensing; 2 obligations due within 14 days"), byDefault::toString);
        assertTrue(byDefault.out().contains(" breached=1;0;;0;38 "), byDefault::toString);

        CliRunner.Result critical = truce.run(append(quiet, "--breached-as", "critical"));
        assertEquals(2, critical.exitCode(), critical::toString);
        assertTrue(critical.out().startsWith("TRUCE CRITICAL - 1 obligation breached, counted as CRITICAL: "),
                critical::toString);
        assertTrue(critical.out().contains(" breached=1;;0;0;38 "), critical::toString);

        CliRunner.Result ok = truce.run(append(quiet, "--breached-as", "ok", "--warning", "0"));
        assertEquals(0, ok.exitCode(), ok::toString);
        assertTrue(ok.out().startsWith("TRUCE OK - 1 obligation breached, counted as OK: cn-rare-earth-licensing"),
                ok::toString);

        CliRunner.Result withinCritical = truce.run("check", "--alert-max-age", "0", "--breached-as", "ok",
                "--unresolved-for", "0");
        assertEquals(2, withinCritical.exitCode(), "the deadline tomorrow pages whatever a breach counts as; "
                + withinCritical);

        CliRunner.Result bad = truce.run("check", "--breached-as", "page");
        assertEquals(3, bad.exitCode(), bad::toString);
        assertEquals("TRUCE UNKNOWN - --breached-as page: expected ok, warning or critical\n", bad.out());
    }

    private static String[] append(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void warningWhenDeadlinesFallInsideTheWarningWindowOnly() {
        TestFiles.copyShipped(dir);
        CliRunner.Result result = new CliRunner(dir).run("check", "--as-of", "2025-08-01");
        assertEquals(1, result.exitCode(), result::toString);
        // cn-hanwha-sanctions-suspension runs on its own one-year clock from 2025-11-10, not with the truce's 2025-08-12
        assertTrue(result.out().startsWith("TRUCE WARNING - 7 obligations due within 14 days, "
                + "next: cn-export-control-list-suspension in 11 days | due_warning=7;"), result::toString);
    }

    @Test
    void okNamesTheNextDeadline() {
        TestFiles.copyShipped(dir);
        CliRunner.Result result = new CliRunner(dir).run("check", "--as-of", "2025-07-01");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("TRUCE OK - no obligation due within 14 days, "
                + "next: cn-export-control-list-suspension in 42 days | due_warning=0;"), result::toString);
    }

    @Test
    void theWindowsAreFlagsAndTheLineNamesTheNextInEach() {
        TestFiles.copyShipped(dir);
        CliRunner.Result result = new CliRunner(dir).run("check", "--as-of", "2025-11-01", "--warning", "14",
                "--critical", "8");
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("TRUCE CRITICAL - 3 obligations due within 8 days, next: cn-export-control-list-16-suspension in 8 days; "
                + "4 more due within 14 days, next: cn-nontariff-countermeasures in 9 days"
                + " | due_warning=7;0;;0;38 due_critical=3;;0;0;38 breached=0;0;;0;38 unresolved=0;0;;0;38 acked=0;;;0;38"
                + " next_due_days=8;;;0; last_alert_age_h=U;;26;0;\n",
                result.out());
    }

    @Test
    void oldUnresolvedDeadlinesCanBeLeftOutOfTheAlarm() {
        TestFiles.copyShipped(dir);
        CliRunner.Result result = new CliRunner(dir).run("check", "--unresolved-for", "16", "--critical", "0");
        assertEquals(1, result.exitCode(), "a WARNING still: cn-rare-earth-licensing is breached; " + result);
        assertTrue(result.out().contains("; 12 deadlines passed with no outcome recorded: cn-mofcom-70-suspension, "
                + "us-section301-ship-fees-suspension, us-restrictive-measures and 9 more (latest cn-mofcom-70-suspension, "
                + "passed 15 days ago); 2 obligations due within 14 days, next: cn-ga-ge-sb-ban-suspension in 1 day |"),
                result::toString);

        // through 2026-11-10 passed at the start of 11-11: a day later than 2026-11-10T00:01
        result = new CliRunner(dir).run("check", "--unresolved-for", "15", "--critical", "0");
        assertTrue(result.out().contains("; 1 deadline passed with no outcome recorded: cn-mofcom-70-suspension (latest"),
                result::toString);

        result = new CliRunner(dir).run("check", "--unresolved-for", "14", "--critical", "0");
        assertTrue(result.out().contains(" unresolved=0;"), result::toString);
        assertTrue(!result.out().contains("passed with no outcome"), result::toString);
    }

    @Test
    void anUnreadableFileIsUnknownWithTheReasonAndPlace() throws Exception {
        TestFiles.copyShipped(dir);
        Path file = dir.resolve("obligations.yaml");
        Files.writeString(file, Files.readString(file).replace("kind: purchase", "kind: purchse"));
        CliRunner.Result result = new CliRunner(dir).run("check");
        assertEquals(3, result.exitCode(), result::toString);
        assertTrue(result.out().matches("TRUCE UNKNOWN - obligations\\.yaml:\\d+:\\d+: obligations\\[\\d+] \\(cn-soybeans-2025\\)\\.kind: "
                + "'purchse' is not a kind .*did you mean 'purchase'\\? \\(and 3 more problems: run truce validate\\)\n"),
                result::toString);
    }

    @Test
    void aMissingFileIsUnknown() {
        CliRunner.Result result = new CliRunner(dir).run("-f", "missing.yaml", "check");
        assertEquals(3, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("TRUCE UNKNOWN - missing.yaml"), result::toString);
        assertEquals(1, result.out().lines().count());
    }

    @Test
    void badFlagsAreUnknownNotCritical() {
        TestFiles.copyShipped(dir);
        CliRunner.Result typo = new CliRunner(dir).run("check", "--warning", "two");
        assertEquals(3, typo.exitCode(), typo::toString);
        assertTrue(typo.out().startsWith("TRUCE UNKNOWN - truce check: Invalid value for option '--warning'"), typo::toString);

        CliRunner.Result inverted = new CliRunner(dir).run("check", "--warning", "3", "--critical", "7");
        assertEquals(3, inverted.exitCode(), inverted::toString);
        assertEquals("TRUCE UNKNOWN - --critical 7 and --warning 3: need 0 <= critical <= warning days\n", inverted.out());
    }

    @Test
    void aHostileFileStillGivesOneParsableLine() {
        TestFiles.writeHostile(dir);
        CliRunner.Result result = new CliRunner(dir).at("2026-10-20T12:00:00Z").run("check", "--alert-max-age", "0");
        assertEquals(1, result.exitCode(), "100 breaches, counted as WARNING; nothing due within 3 days: " + result);
        assertEquals(1, result.out().lines().count(), result::toString);
        String[] parts = result.out().strip().split("\\|");
        assertEquals(2, parts.length, "exactly one '|' separates the summary from the perfdata: " + result.out());
        assertTrue(parts[1].strip().matches("(\\w+=(\\d+(\\.\\d)?|U);[^ ]*)( \\w+=(\\d+(\\.\\d)?|U);[^ ]*)*"),
                result::toString);
        assertFalse(result.out().contains("<"), result::toString);
        assertTrue(result.out().startsWith("TRUCE WARNING - 100 obligations breached, counted as WARNING: o-0015, o-0045, "
                + "o-0075 and 97 more; "), result::toString);
        assertTrue(result.out().contains(" breached=100;0;;0;1000 "), result::toString);
    }
}
