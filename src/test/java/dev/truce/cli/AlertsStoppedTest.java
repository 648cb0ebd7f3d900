package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truce.testing.TruceFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A dead cron sends nothing, so `check` says so: CRITICAL once no alert run succeeded for 26 hours, WARNING while
 * none is recorded at all; the age of the last success is in the performance data.
 */
class AlertsStoppedTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private CliRunner truce;

    @BeforeEach
    void setUp() {
        TruceFixture.writeDefault(dir);
        // far from every deadline, so the alert heartbeat is the only thing check can complain about
        truce = new CliRunner(dir).env(TruceFixture.smtpAt(MAIL.getSmtp().getPort()));
    }

    @Test
    void criticalWithTheDateOfTheLastSuccessOnceItIsOlderThan26Hours() {
        assertEquals(0, truce.at("2026-02-02T12:00:00Z").run("alert").exitCode());
        CliRunner.Result fresh = truce.at("2026-02-03T13:00:00Z").run("check");
        assertEquals(0, fresh.exitCode(), "25 hours: fine; " + fresh);
        assertTrue(fresh.out().endsWith(" last_alert_age_h=25.0;;26;0;\n"), fresh.out());
        CliRunner.Result justOver = truce.at("2026-02-03T14:30:00Z").run("check");
        assertEquals(2, justOver.exitCode(), "26 hours and a half is older than 26 hours: " + justOver);
        assertTrue(justOver.out().contains(", 26 hours 30 minutes ago (more than 26)"), justOver.out());
        assertTrue(justOver.out().endsWith(" last_alert_age_h=26.5;;26;0;\n"), justOver.out());
        CliRunner.Result stale = truce.at("2026-02-03T15:00:00Z").run("check");
        assertEquals(2, stale.exitCode(), stale::toString);
        assertTrue(stale.out().startsWith("TRUCE CRITICAL - alerts stopped: the last successful alert run was "
                + "2026-02-02 07:00 EST, 27 hours ago (more than 26): check cron (scripts/truce-cron) or the daemon; "), stale.out());
        assertEquals(0, truce.at("2026-02-03T15:00:00Z").run("check", "--alert-max-age", "48").exitCode());
        CliRunner.Result off = truce.at("2026-02-03T15:00:00Z").run("check", "--alert-max-age", "0");
        assertEquals(0, off.exitCode(), "off");
        assertTrue(off.out().endsWith(" last_alert_age_h=27.0;;;0;\n"), "the age is still told, for a system that "
                + "alerts on it: " + off.out());
        CliRunner.Result replay = truce.at("2026-02-03T15:00:00Z").run("check", "--as-of", "2026-02-01");
        assertEquals(0, replay.exitCode(), "a replay says nothing about today's cron");
        assertTrue(replay.out().endsWith(" last_alert_age_h=U;;26;0;\n"), replay.out());
    }

    /** Issue 21 item 2: a run that had nothing to send is a successful run, and leaves the heartbeat too. */
    @Test
    void aRunWithNothingToSendIsASuccessfulRun() throws Exception {
        assertEquals(0, truce.at("2026-06-23T11:00:00Z").run("alert").exitCode());
        assertTrue(MAIL.getReceivedMessages().length > 0, "the first run sent something");
        int sent = MAIL.getReceivedMessages().length;
        CliRunner.Result quiet = truce.at("2026-06-24T11:00:00Z").run("alert");
        assertEquals(0, quiet.exitCode(), quiet::toString);
        assertEquals("", quiet.out() + quiet.err(), "nothing new to say");
        assertEquals(sent, MAIL.getReceivedMessages().length);
        assertEquals("2026-06-24T11:00:00Z\n", Files.readString(dir.resolve(".truce/alert-last-success")));
        CliRunner.Result check = truce.at("2026-06-25T12:00:00Z").run("check", "--warning", "0", "--critical", "0");
        assertEquals(0, check.exitCode(), "25 hours after the quiet run, 49 after the last send: fine; " + check);
        assertTrue(check.out().endsWith(" last_alert_age_h=25.0;;26;0;\n"), check.out());
    }

    /**
     * Issue 21 item 2: before the first successful run, check says so as a WARNING (a cron never set up is as
     * silent as a dead one), with U for the age; --alert-max-age 0 turns it off where no alerts are sent.
     */
    @Test
    void aFailedRunIsNoSuccessAndBeforeTheFirstSuccessCheckWarns() throws Exception {
        CliRunner.Result none = truce.at("2026-02-10T12:00:00Z").run("check");
        assertEquals(1, none.exitCode(), none::toString);
        assertEquals("TRUCE WARNING - no successful alert run recorded yet: set up cron (scripts/truce-cron) or the "
                + "daemon, or give --alert-max-age 0 where no alerts are sent; no obligation due within 14 days, next: "
                + "us-tariff in 140 days | due_warning=0;0;;0;3 due_critical=0;;0;0;3 breached=0;0;;0;3 "
                + "unresolved=0;0;;0;3 acked=0;;;0;3 next_due_days=140;;;0; last_alert_age_h=U;;26;0;\n", none.out());
        assertEquals(0, truce.at("2026-02-10T12:00:00Z").run("check", "--alert-max-age", "0").exitCode());
        CliRunner down = new CliRunner(dir).env(TruceFixture.smtpAt(closedPort()));
        assertEquals(1, down.at("2026-06-23T11:00:00Z").run("alert").exitCode(), "the server is down");
        assertTrue(Files.notExists(dir.resolve(".truce/alert-last-success")));
        assertEquals(1, truce.at("2026-06-23T11:00:00Z").run("check", "--warning", "0", "--critical", "0").exitCode(),
                "a failed run is no success: still none recorded");
        assertEquals(0, truce.at("2026-06-23T12:00:00Z").run("alert").exitCode());
        assertEquals(1, down.at("2026-06-27T11:00:00Z").run("alert").exitCode());
        CliRunner.Result check = truce.at("2026-06-27T11:00:00Z").run("check", "--warning", "0", "--critical", "0");
        assertEquals(2, check.exitCode(), check::toString);
        assertTrue(check.out().contains("the last successful alert run was 2026-06-23 08:00 EDT, 95 hours ago"), check.out());
    }

    /**
     * Issue 21 item 7: a heartbeat that is damaged or replaced never reads as "alerts run fine". Each damage is
     * WARNING with what is wrong, the deadlines still said; a link to /dev/zero is named, not read for ever.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "future    | the last successful alert run is recorded at 2099-01-01 00:00 EST, in the future, so whether alerts run is not known",
        "empty     | (alert-last-success in the state folder) is empty, so whether alerts run is not known",
        "garbage   | is not the time of a run (expected e.g. 2026-12-07T12:00:00Z), so whether",
        "binary    | is not text (binary bytes), so whether",
        "directory | is a directory, so whether",
        "dangling  | is a link to nothing, so whether",
        "dev-zero  | is not a regular file (a device, a pipe or a socket), so whether",
        "too-long  | is 4096 bytes long, too long to hold the time of a run, so whether",
    })
    void aDamagedHeartbeatIsAWarningNeverOk(String damage, String said) throws Exception {
        assertEquals(0, truce.at("2026-02-02T12:00:00Z").run("alert").exitCode());
        Path heartbeat = dir.resolve(".truce/alert-last-success");
        assertEquals(0, truce.at("2026-02-02T13:00:00Z").run("check").exitCode(), "healthy: OK");
        Files.delete(heartbeat);
        switch (damage) {
            case "future" -> Files.writeString(heartbeat, "2099-01-01T05:00:00Z\n");
            case "empty" -> Files.write(heartbeat, new byte[0]);
            case "garbage" -> Files.writeString(heartbeat, "yesterday, around seven\n");
            case "binary" -> Files.write(heartbeat, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3});
            case "directory" -> Files.createDirectory(heartbeat);
            case "dangling" -> Files.createSymbolicLink(heartbeat, dir.resolve("gone"));
            case "dev-zero" -> Files.createSymbolicLink(heartbeat, Path.of("/dev/zero"));
            case "too-long" -> Files.writeString(heartbeat, "2026-02-02T12:00:00Z" + " ".repeat(4076));
            default -> throw new IllegalArgumentException(damage);
        }
        CliRunner.Result check = truce.at("2026-02-02T13:00:00Z").run("check");
        assertEquals(1, check.exitCode(), check::toString);
        assertTrue(check.out().startsWith("TRUCE WARNING - "), check::toString);
        assertTrue(check.out().contains(said), check::toString);
        assertTrue(check.out().contains("; no obligation due within 14 days, next: us-tariff in 148 days | "),
                "the deadlines are still said: " + check);
        assertEquals(1, check.out().lines().count(), check::toString);
        assertEquals(0, truce.at("2026-02-02T13:00:00Z").run("check", "--alert-max-age", "0").exitCode(),
                "the watchdog turned off looks at no record");
    }

    @Test
    void stateFindsTheRecordOfRunsKeptElsewhere() {
        assertEquals(0, truce.at("2026-02-02T12:00:00Z").run("alert", "--state", "var").exitCode());
        assertTrue(Files.notExists(dir.resolve(".truce")), "--state keeps everything there");
        CliRunner.Result beside = truce.at("2026-02-04T12:00:00Z").run("check");
        assertEquals(1, beside.exitCode(), "nothing recorded beside the file: " + beside);
        assertTrue(beside.out().startsWith("TRUCE WARNING - no successful alert run recorded yet"), beside::toString);
        assertEquals(2, truce.at("2026-02-04T12:00:00Z").run("check", "--state", "var").exitCode());
    }

    @Test
    void helpAndVersionExitUnknownAsTheGuidelinesAskAndBadFlagsToo() {
        CliRunner.Result help = truce.run("check", "--help");
        assertEquals(3, help.exitCode());
        assertTrue(help.out().contains("-t, --timeout=SECONDS"), help.out());
        assertTrue(help.out().contains("--help and --version exit 3 too"), help.out());
        assertEquals(3, truce.run("check", "-V").exitCode());
        CliRunner.Result timeout = truce.run("check", "-t", "0");
        assertEquals(3, timeout.exitCode());
        assertEquals("TRUCE UNKNOWN - --timeout 0: need 1 or more seconds\n", timeout.out());
        assertEquals(3, truce.run("check", "--alert-max-age", "-1").exitCode());
    }

    private static int closedPort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
