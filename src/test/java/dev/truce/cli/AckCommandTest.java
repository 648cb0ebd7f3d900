package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.testing.TruceFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `truce ack`, `ack lift` and `ack list` on the acks file, end to end: what they write, refuse and say. */
class AckCommandTest {
    @TempDir
    Path dir;

    private CliRunner truce;

    @BeforeEach
    void setUp() {
        TruceFixture.writeDefault(dir);
        truce = new CliRunner(dir).at(TruceFixture.WEEK_BEFORE).env(Map.of("LOGNAME", "ana"));
    }

    private CliRunner.Result ok(CliRunner.Result run) {
        assertEquals(0, run.exitCode(), run::toString);
        return run;
    }

    private String acksFile() throws Exception {
        return Files.readString(dir.resolve("acks.yaml"));
    }

    @Test
    void byDefaultsToLognameElseTheAccountsNameAsEvidenceAddDoes() throws Exception {
        assertTrue(ok(truce.run("ack", "us-tariff", "--reason", "r")).out().startsWith("acknowledged us-tariff by ana:"));
        assertTrue(acksFile().endsWith(", reason: r, by: ana}\n"), acksFile());
        String account = System.getProperty("user.name");
        CliRunner.Result noLogname = ok(truce.env(Map.of()).run("ack", "cn-licences", "--reason", "r"));
        assertTrue(noLogname.out().startsWith("acknowledged cn-licences by " + account + ":"), noLogname::toString);
        assertTrue(ok(truce.env(Map.of("LOGNAME", "ana")).run("ack", "open-thing", "--by", "bo", "--reason", "r")).out()
                .startsWith("acknowledged open-thing by bo:"));
    }

    @Test
    void aReasonOver2000CharactersOrANameOver200IsBadInputNamingTheFlagAndNothingIsWritten() {
        CliRunner.Result reason = truce.run("ack", "us-tariff", "--reason", "r".repeat(2001));
        assertEquals(2, reason.exitCode(), reason::toString);
        assertEquals("truce ack: --reason: 2001 characters, more than the 2000 an ack holds; say it shorter\n", reason.err());
        CliRunner.Result by = truce.run("ack", "us-tariff", "--by", "b".repeat(201), "--reason", "r");
        assertEquals(2, by.exitCode(), by::toString);
        assertEquals("truce ack: --by: 201 characters, more than the 200 an ack holds; say it shorter\n", by.err());
        CliRunner.Result lift = truce.run("ack", "lift", "us-tariff", "--reason", "r".repeat(2001));
        assertEquals(2, lift.exitCode(), lift::toString);
        assertTrue(lift.err().startsWith("truce ack lift: --reason: 2001 characters"), lift::toString);
        assertFalse(Files.exists(dir.resolve("acks.yaml")));
        ok(truce.run("ack", "us-tariff", "--by", "b".repeat(200), "--reason", "r".repeat(2000)));
    }

    @Test
    void aLiftEndsTheAckInForceFromNowAndIsRefusedWhenNoneIsInForce() throws Exception {
        ok(truce.run("ack", "us-tariff", "--reason", "waiting"));
        assertEquals(0, ok(truce.run("check", "--alert-max-age", "0")).exitCode(), "acked: counted as OK");
        CliRunner.Result lifted = ok(truce.at("2026-06-23T12:00:00Z").run("ack", "lift", "us-tariff", "--by", "bo",
                "--reason", "the order is out"));
        assertEquals("lifted the ack of us-tariff by bo: its alerts resume\nRecorded in acks.yaml: commit it, so that "
                + "every clone, the cron host and the daemon honour it\n", lifted.out());
        assertTrue(acksFile().endsWith("\n\n- {obligation: us-tariff, lifted: 2026-06-23T12:00:00Z, reason: the order is "
                + "out, by: bo}\n"), acksFile());
        assertEquals(1, truce.run("check", "--alert-max-age", "0").exitCode(), "us-tariff is 7 days off again: WARNING");
        assertFalse(truce.run("status").out().contains("acked"));
        assertTrue(truce.run("status", "--as-of", "2026-06-23T11:30:00Z").out().contains("us-tariff: acked by ana"),
                "replayed before the lift, the ack was in force");
        assertTrue(ok(truce.run("ack", "list")).out().contains("lifted by bo on 2026-06-23  waiting"));

        CliRunner.Result again = truce.run("ack", "lift", "us-tariff");
        assertEquals(2, again.exitCode(), again::toString);
        assertEquals("truce ack lift: no ack of us-tariff is in force, so there is nothing to lift (truce ack list shows every ack and "
                + "why it no longer holds)\n", again.err());
        ok(truce.at("2026-06-23T13:00:00Z").run("ack", "us-tariff", "--reason", "again"));
        assertTrue(truce.run("status").out().contains("us-tariff: acked by ana on 2026-06-23, until its compliance or "
                + "deadline changes: again"), "an ack after the lift holds");
    }

    @Test
    void aBrokenEntryIsReportedByEveryReaderNeverHonouredAndTheOtherAcksStillHold() throws Exception {
        ok(truce.run("ack", "us-tariff", "--reason", "waiting"));
        ok(truce.run("ack", "cn-licences", "--reason", "talks"));
        // a lift of cn-licences written by hand, with its time misspelt: it may have been meant to lift the ack
        Files.writeString(dir.resolve("acks.yaml"), acksFile() + """

                - obligation: cn-licences
                  lifted: yesterday
                  by: cy
                """);
        CliRunner.Result status = ok(truce.run("status"));
        assertTrue(status.out().contains("us-tariff: acked by ana"), status::toString);
        assertFalse(status.out().contains("cn-licences: acked"), "a broken entry's obligation keeps no ack: " + status);
        assertEquals(List.of("truce: warning: acks.yaml:13:11: [2].lifted: 'yesterday' is not a date or date-time "
                        + "(expected a date YYYY-MM-DD or a date-time with offset such as 2025-05-14T00:01-04:00)",
                "truce: warning: acks.yaml: 1 problem; the acks of cn-licences are not honoured (truce validate lists "
                        + "the problems)"), status.err().lines().toList(), status::toString);
        CliRunner.Result validate = truce.run("validate");
        assertEquals(2, validate.exitCode(), validate::toString);
        assertTrue(validate.err().startsWith("truce validate: acks.yaml:13:11: [2].lifted: "), validate::toString);
        CliRunner.Result list = ok(truce.run("ack", "list"));
        assertTrue(list.out().contains("talks") && list.out().contains("not honoured: an entry for it cannot be read"),
                list::toString);
        CliRunner.Result alert = truce.env(TruceFixture.smtpAt(1)).run("alert", "--dry-run");
        assertTrue(alert.out().contains("To: licences@example.com") && !alert.out().contains("To: owner@example.com"),
                "cn-licences is alerted, us-tariff stays acked: " + alert);
        assertTrue(alert.err().contains("acks.yaml: 1 problem"), alert::toString);
    }

    @Test
    void validateCountsTheAckEntriesAndAcksFileNamesAnotherFileCheckedLikeEvidenceFile() throws Exception {
        ok(truce.run("ack", "us-tariff", "--reason", "waiting"));
        assertTrue(ok(truce.run("validate")).out().contains(", 1 ack entry (acks.yaml), "));
        Path obligations = dir.resolve("obligations.yaml");
        Files.writeString(obligations, Files.readString(obligations).replace("version: 1\n",
                "version: 1\nacks_file: desk/acks.yaml\n"));
        Files.createDirectory(dir.resolve("desk"));
        assertFalse(truce.run("status").out().contains("acked by"), "the acks are where acks_file says");
        ok(truce.run("ack", "cn-licences", "--reason", "talks"));
        assertTrue(Files.readString(dir.resolve("desk/acks.yaml")).contains("- {obligation: cn-licences, "));
        assertTrue(ok(truce.run("validate")).out().contains(", 1 ack entry (desk/acks.yaml), "));

        for (String where : List.of("../outside.yaml", "evidence.yaml", "obligations.yaml", "acks.txt")) {
            Files.writeString(obligations, Files.readString(obligations).replaceFirst("acks_file: .*\n",
                    "acks_file: " + where + "\n"));
            CliRunner.Result refused = truce.run("ack", "cn-licences", "--reason", "talks");
            assertEquals(2, refused.exitCode(), where + ": " + refused);
            assertTrue(refused.err().contains("acks_file"), refused::toString);
        }
    }

    @Test
    void aHostileReasonIsKeptExactlyAndShownHarmlessly() throws Exception {
        String hostile = "\"quoted\": # not a comment\n- not an item\u001b[2J\u0007 abc\u202Edcba\u202C {x: [y]}";
        ok(truce.run("ack", "us-tariff", "--reason", hostile));
        String line = acksFile().lines().filter(l -> l.startsWith("- {")).findFirst().orElseThrow();
        assertTrue(line.endsWith("reason: \"\\\"quoted\\\": # not a comment\\n- not an item\\u001B[2J\\u0007 abc"
                + "\\u202Edcba\\u202C {x: [y]}\", by: ana}"), line);
        assertEquals(1, acksFile().lines().filter(l -> l.startsWith("- ")).count(), "one line: " + acksFile());
        for (String command : List.of("status", "ack list")) {
            String out = ok(truce.run(command.split(" "))).out();
            assertTrue(out.contains("\"quoted\": # not a comment\\n- not an item"), out);
            assertTrue(out.chars().noneMatch(c -> c == 0x1b || c == 0x07 || c == 0x202E), command + " shows it raw: " + out);
        }
        CliRunner.Result json = ok(truce.run("status", "--format", "json"));
        assertTrue(json.out().contains(new tools.jackson.databind.ObjectMapper().writeValueAsString(hostile)), json::toString);
    }

    @Test
    void theDeskOutputsNeverWriteOverTheAcksFile() throws Exception {
        ok(truce.run("ack", "us-tariff", "--reason", "waiting"));
        String before = acksFile();
        for (String command : List.of("report", "calendar")) {
            CliRunner.Result refused = truce.run(command, "-o", "./acks.yaml");
            assertEquals(2, refused.exitCode(), refused::toString);
            assertEquals(before, acksFile());
        }
    }

    @Test
    void ackListSaysWhyEachAckNoLongerHoldsAndWhereTheAcksAre() {
        assertEquals("No acks yet.\n", ok(truce.run("ack", "list")).out());
        ok(truce.run("ack", "us-tariff", "--reason", "waiting", "--until", "2026-06-24"));
        ok(truce.run("ack", "open-thing", "--reason", "no deadline"));
        List<String> lines = ok(truce.at("2026-06-25T11:00:00Z").run("ack", "list")).out().lines().toList();
        assertEquals(List.of("acked                 obligation  by   until       now                 reason",
                "2026-06-23 07:00 EDT  us-tariff   ana  2026-06-24  expired 2026-06-24  waiting",
                "2026-06-23 07:00 EDT  open-thing  ana  a change    in force            no deadline"), lines);
    }
}
