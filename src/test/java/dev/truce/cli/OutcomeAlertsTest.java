package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truce.testing.Mails;
import dev.truce.testing.OutcomeSequence;
import dev.truce.testing.OutcomeSequence.Step;
import dev.truce.testing.TruceFixture;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a deadline: `truce alert` run once a day by cron, each run a fresh start on the same ledger, with a real
 * SMTP server. Unresolved once, a reminder a week on, one notice when the outcome is recorded, then silence.
 */
class OutcomeAlertsTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private CliRunner truce;

    @BeforeEach
    void setUp() {
        truce = new CliRunner(dir).env(TruceFixture.smtpAt(MAIL.getSmtp().getPort()));
    }

    @Test
    void unresolvedThenAWeeklyReminderThenOneOutcomeNoticeThenNothing() {
        List<String> seen = new ArrayList<>();
        for (Step step : OutcomeSequence.STEPS) {
            TruceFixture.write(dir, OutcomeSequence.file(TruceFixture.plainSmtp(), step.outcomeRecorded()));
            int before = MAIL.getReceivedMessages().length;
            CliRunner.Result run = truce.at(step.at().toString()).run("alert");
            assertEquals(0, run.exitCode(), run::toString);
            MimeMessage[] received = MAIL.getReceivedMessages();
            if (step.mailSays() == null) {
                assertEquals(before, received.length, "no mail at " + step.at() + ", got: " + run);
                assertEquals("", run.out(), "a quiet run prints nothing, so cron mails nothing");
                continue;
            }
            assertEquals(before + 1, received.length, "one mail at " + step.at() + ": " + run);
            assertEquals("sent to desk@example.com: 1 obligation (us-tariff)\n", run.out());
            String text = Mails.text(received[received.length - 1]);
            assertTrue(text.contains(step.mailSays()), step.at() + ":\n" + text);
            seen.add(step.mailSays());
        }
        assertEquals(4, seen.size());
    }

    @Test
    void theUnresolvedMailSaysWhatToDoAndTheSubjectDoesNotCountDaysLeft() {
        TruceFixture.write(dir, OutcomeSequence.file(TruceFixture.plainSmtp(), false));
        truce.at("2026-06-23T11:00:00Z").run("alert");
        truce.at("2026-07-01T11:00:00Z").run("alert");
        MimeMessage mail = Mails.lastTo(MAIL.getReceivedMessages(), TruceFixture.DESK);
        String text = Mails.text(mail);
        assertTrue(text.contains("Days left:       passed today, outcome not recorded"), text);
        assertTrue(!text.toLowerCase().contains("expired"), "never the word a desk reads as a snap-back:\n" + text);
        assertTrue(!Mails.subject(mail).contains("in -"), Mails.subject(mail));
    }

    @Test
    void anAckStopsTheRemindersButNotTheOutcomeNotice() {
        TruceFixture.write(dir, OutcomeSequence.file(TruceFixture.plainSmtp(), false));
        truce.at("2026-06-23T11:00:00Z").run("alert");
        truce.at("2026-07-01T11:00:00Z").run("alert");
        CliRunner.Result ack = truce.at("2026-07-02T11:00:00Z").run("ack", "us-tariff", "--by", "ana",
                "--reason", "waiting for the Federal Register");
        assertEquals(0, ack.exitCode(), ack::toString);
        int before = MAIL.getReceivedMessages().length;
        assertEquals("", truce.at("2026-07-08T11:00:00Z").run("alert").out());
        assertEquals("", truce.at("2026-07-15T11:00:00Z").run("alert").out());
        assertEquals(before, MAIL.getReceivedMessages().length);

        // The ack silenced the reminders, not the news that ends them: recording the outcome is told once.
        TruceFixture.write(dir, OutcomeSequence.file(TruceFixture.plainSmtp(), true));
        CliRunner.Result recorded = truce.at("2026-07-16T11:00:00Z").run("alert");
        assertEquals("sent to desk@example.com: 1 obligation (us-tariff)\n", recorded.out(), recorded::toString);
        assertEquals(before + 1, MAIL.getReceivedMessages().length);
        String text = Mails.text(Mails.lastTo(MAIL.getReceivedMessages(), TruceFixture.DESK));
        assertTrue(text.contains("- outcome recorded: lapsed"), text);
        assertEquals("", truce.at("2026-07-17T11:00:00Z").run("alert").out());
        assertEquals(before + 1, MAIL.getReceivedMessages().length);
    }

    @Test
    void checkCountsAnUnresolvedDeadlineAsAWarningAndNamesIt() {
        TruceFixture.write(dir, OutcomeSequence.file(TruceFixture.plainSmtp(), false));
        // no alert runs here: the watchdog of the alert runs is off, only the deadline counts
        CliRunner.Result check = truce.at("2026-07-02T11:00:00Z").run("check", "--alert-max-age", "0");
        assertEquals(1, check.exitCode(), check::toString);
        assertTrue(check.out().startsWith("TRUCE WARNING"), check.out());
        assertTrue(check.out().contains("us-tariff"), check.out());

        TruceFixture.write(dir, OutcomeSequence.file(TruceFixture.plainSmtp(), true));
        CliRunner.Result settled = truce.at("2026-07-10T11:00:00Z").run("check", "--alert-max-age", "0");
        assertEquals(0, settled.exitCode(), settled::toString);
    }
}
