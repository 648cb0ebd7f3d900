package dev.truce.cli;

import static dev.truce.testing.TruceFixture.DESK;
import static dev.truce.testing.TruceFixture.LICENCES;
import static dev.truce.testing.TruceFixture.OWNER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.testing.SmtpPeer;
import dev.truce.testing.TruceFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 14: the mail server refuses one recipient for good (550 at RCPT). The run says so once and the
 * others get their mail; `check` reports it until it clears; later runs do not try that address again until
 * the back-off (a week) has passed, or at once when the file names another address.
 */
class RefusedRecipientTest {
    private static final String DAY_0 = TruceFixture.WEEK_BEFORE;   // 2026-06-23, 7 days before us-tariff
    private static final String DAY_1 = "2026-06-24T11:00:00Z";
    private static final String DAY_8 = "2026-07-01T11:00:00Z";

    @TempDir
    Path dir;

    private SmtpPeer smtp;
    private CliRunner truce;

    @BeforeEach
    void setUp() throws Exception {
        smtp = new SmtpPeer(null, null, null, Set.of(OWNER));
        TruceFixture.writeDefault(dir);
        truce = new CliRunner(dir).env(TruceFixture.smtpAt(smtp.port()));
    }

    @AfterEach
    void tearDown() throws Exception {
        smtp.close();
    }

    private List<String> recipients() {
        return smtp.received().stream().flatMap(r -> r.recipients().stream()).toList();
    }

    @Test
    void aPermanentRefusalIsSaidOnceNotRetriedForEverAndTheOthersGetTheirMail() {
        CliRunner.Result first = truce.at(DAY_0).run("alert");
        assertEquals(1, first.exitCode(), first::toString);
        assertEquals("""
                sent to desk@example.com: 2 obligations (us-tariff, cn-licences)
                sent to licences@example.com: 1 obligation (cn-licences)
                """, first.out());
        List<String> said = first.err().lines().toList();
        assertEquals(1, said.size(), first::toString);
        assertTrue(said.get(0).startsWith("truce alert: not sent to owner@example.com: refused: 550 5.1.1"), first::toString);
        assertTrue(said.get(0).contains("refused for good, so it is not tried again before 2026-06-30 11:00 UTC"), first::toString);
        assertEquals(List.of(DESK, LICENCES), recipients());

        CliRunner.Result check = truce.at(DAY_0).run("check", "--warning", "1", "--critical", "0");
        assertEquals(1, check.exitCode(), check::toString);
        assertTrue(check.out().startsWith("TRUCE WARNING - "), check::toString);
        assertTrue(check.out().contains("mail to owner@example.com refused by the server since 2026-06-23 (refused: 550 "
                + "5.1.1 <owner@example.com>: mailbox unavailable); next try after 2026-06-30"), check::toString);

        CliRunner.Result nextDay = truce.at(DAY_1).run("alert");
        assertEquals(0, nextDay.exitCode(), nextDay::toString);
        assertEquals("", nextDay.out() + nextDay.err());

        // after the back-off, one more try: refused again, said again, once
        CliRunner.Result week = truce.at(DAY_8).run("alert");
        assertEquals(1, week.exitCode(), week::toString);
        assertEquals(1, week.err().lines().filter(l -> l.contains(OWNER)).count(), week::toString);

        smtp.acceptAll();
        CliRunner.Result later = truce.at("2026-07-09T11:00:00Z").run("alert");
        assertEquals(0, later.exitCode(), later::toString);
        assertTrue(later.out().contains("sent to owner@example.com"), later::toString);
        CliRunner.Result clear = truce.at("2026-07-09T11:00:00Z").run("check", "--warning", "0", "--critical", "0");
        assertFalse(clear.out().contains("refused"), clear::toString);
    }

    /**
     * Issue 21 item 7: a server that takes the recipient at RCPT and refuses the message with 550 once it has
     * read it refuses that one recipient for good, as a 550 at RCPT does: said once, kept for check, not
     * retried by every run until the back-off has passed.
     */
    @Test
    void a550AfterDataIsAPermanentRefusalLikeOneAtRcpt() {
        smtp.acceptAll();
        smtp.refuseAfterData(OWNER);
        CliRunner.Result first = truce.at(DAY_0).run("alert");
        assertEquals(1, first.exitCode(), first::toString);
        List<String> said = first.err().lines().toList();
        assertEquals(1, said.size(), first::toString);
        assertTrue(said.get(0).startsWith("truce alert: not sent to owner@example.com: refused: 550 5.7.1"), first::toString);
        assertTrue(said.get(0).contains("refused for good, so it is not tried again before 2026-06-30 11:00 UTC"),
                first::toString);
        assertEquals(List.of(DESK, LICENCES), recipients());
        assertEquals(3, smtp.transactions());

        CliRunner.Result check = truce.at(DAY_0).run("check", "--warning", "1", "--critical", "0");
        assertTrue(check.out().contains("mail to owner@example.com refused by the server since 2026-06-23 (refused: 550 "
                + "5.7.1 <owner@example.com>: message refused after reading it); next try after 2026-06-30"),
                check::toString);

        CliRunner.Result nextDay = truce.at(DAY_1).run("alert");
        assertEquals(0, nextDay.exitCode(), nextDay::toString);
        assertEquals("", nextDay.out() + nextDay.err());
        assertEquals(3, smtp.transactions(), "the refused message is not sent again the next day");
    }

    @Test
    void aCorrectedAddressIsTriedAtOnceAndTheOldRefusalForgotten() {
        assertEquals(1, truce.at(DAY_0).run("alert").exitCode());
        TruceFixture.write(dir, TruceFixture.yaml(TruceFixture.plainSmtp(), "Suspend the tariff", "")
                .replace("owner: owner@example.com", "owner: owner2@example.com"));
        CliRunner.Result fixed = truce.at(DAY_1).run("alert");
        assertEquals(0, fixed.exitCode(), fixed::toString);
        assertEquals("sent to owner2@example.com: 1 obligation (us-tariff)\n", fixed.out());
        CliRunner.Result check = truce.at(DAY_1).run("check", "--warning", "0", "--critical", "0");
        assertFalse(check.out().contains("refused"), check::toString);
    }
}
