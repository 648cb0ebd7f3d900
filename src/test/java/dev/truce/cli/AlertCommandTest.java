package dev.truce.cli;

import static dev.truce.testing.TruceFixture.DESK;
import static dev.truce.testing.TruceFixture.LICENCES;
import static dev.truce.testing.TruceFixture.OWNER;
import static dev.truce.testing.TruceFixture.WEEK_BEFORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truce.testing.Mails;
import dev.truce.testing.TruceFixture;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `truce alert` end to end: the real command line, a real SMTP server (GreenMail), a fixed clock. */
class AlertCommandTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private CliRunner truce;

    @BeforeEach
    void setUp() {
        TruceFixture.writeDefault(dir);
        truce = new CliRunner(dir).env(TruceFixture.smtpAt(MAIL.getSmtp().getPort())).at(WEEK_BEFORE);
    }

    private MimeMessage[] received() {
        return MAIL.getReceivedMessages();
    }

    @Test
    void theFirstRunSendsOneDigestPerRecipientWithTheirItems() throws Exception {
        CliRunner.Result run = truce.run("alert");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("""
                sent to desk@example.com: 2 obligations (us-tariff, cn-licences)
                sent to owner@example.com: 1 obligation (us-tariff)
                sent to licences@example.com: 1 obligation (cn-licences)
                """, run.out(), run::toString);
        assertEquals("", run.err());

        MimeMessage[] messages = received();
        assertEquals(List.of(DESK, LICENCES, OWNER), Mails.toAll(messages));
        MimeMessage desk = Mails.forRecipient(messages, DESK);
        assertEquals("[truce] 2 due in 7 to 22 days (t-1)", Mails.subject(desk));
        assertEquals("truce@example.com", desk.getFrom()[0].toString());
        assertTrue(desk.getContentType().startsWith("multipart/alternative"), desk.getContentType());
        MimeMultipart parts = (MimeMultipart) desk.getContent();
        assertTrue(parts.getBodyPart(0).getContentType().startsWith("text/plain; charset=UTF-8"));
        assertTrue(parts.getBodyPart(1).getContentType().startsWith("text/html; charset=UTF-8"));
        String text = Mails.text(desk);
        assertTrue(text.contains("""
                Test truce: 2 due in 7 to 22 days, as of 2026-06-23 07:00 EDT\r
                \r
                Coming up (2)\r
                -------------\r
                \r
                1. us-tariff: Suspend the tariff\r
                   Party:           US (paused-tariff)\r
                   Due:             through 2026-06-30 (until 2026-07-01 00:00 EDT)\r
                   Days left:       7 days left\r
                   Compliance:      no-evidence\r
                   Newest evidence: none recorded\r
                   What changed (first alert):\r
                     - now within 7 days of the deadline\r
                """), text);
        assertTrue(text.contains("2. cn-licences: Issue the licences"), text);
        assertTrue(text.contains("Due:             2026-07-15 00:01 EDT"), text);
        assertTrue(text.contains("Days left:       22 days left"), text);
        assertTrue(text.contains("truce ack us-tariff --reason TEXT [--until YYYY-MM-DD] [--by NAME]"), text);
        assertTrue(Mails.html(desk).contains("<strong>1. us-tariff</strong>: Suspend the tariff"));
        assertEquals("auto-generated", desk.getHeader("Auto-Submitted")[0]);
        assertTrue(desk.getMessageID().matches("<truce\\.[0-9a-f]{32}@example\\.com>"), desk.getMessageID()); // from the ledger keys

        String owner = Mails.text(Mails.forRecipient(messages, OWNER));
        assertTrue(owner.contains("us-tariff") && !owner.contains("cn-licences"), owner);
    }

    @Test
    void complianceFromTheEvidenceFileIsAlertedAndSoIsItsResolution() throws Exception {
        Files.writeString(dir.resolve("evidence.yaml"), """
                - obligation: cn-licences
                  date: 2026-06-20
                  stance: breaches
                  claimant: US
                  basis: statement
                  source: USTR statement <on licences>
                """);
        truce.run("alert");
        String desk = Mails.text(Mails.forRecipient(received(), DESK));
        assertTrue(desk.contains("""
                   Compliance:      breach-alleged\r
                   Newest evidence: 2026-06-20: US says breaches (statement), USTR statement <on licences>\r
                   What changed (first alert):\r
                     - now within 30 days of the deadline\r
                     - compliance: breach-alleged\r
                """), desk);
        String html = Mails.html(Mails.forRecipient(received(), DESK));
        assertTrue(html.contains("USTR statement &lt;on licences&gt;"), html);

        Files.writeString(dir.resolve("evidence.yaml"), """
                - obligation: cn-licences
                  date: 2026-06-24
                  stance: complies
                  claimant: US
                  basis: data
                  source: licence statistics
                """, java.nio.file.StandardOpenOption.APPEND);
        CliRunner.Result resolved = truce.at("2026-06-25T11:00:00Z").run("alert");
        assertEquals("""
                sent to desk@example.com: 1 obligation (cn-licences)
                sent to licences@example.com: 1 obligation (cn-licences)
                """, resolved.out(), resolved::toString);
        String text = Mails.text(Mails.lastTo(received(), DESK));
        assertTrue(text.contains("- resolved: complying again (was breach-alleged)"), text);
    }

    @Test
    void aSecondRunSendsNothingAndPrintsNothing() {
        assertEquals(0, truce.run("alert").exitCode());
        CliRunner.Result again = truce.at("2026-06-23T15:00:00Z").run("alert");
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals("", again.out(), "cron mails only when there is output");
        assertEquals("", again.err());
        assertEquals(3, received().length);
    }

    @Test
    void aThresholdCrossedLaterSendsOnlyTheNewAlert() {
        truce.run("alert");
        assertEquals("", truce.at("2026-06-24T11:00:00Z").run("alert").out(), "6 days left: nothing new");
        CliRunner.Result later = truce.at("2026-06-27T11:00:00Z").run("alert");
        assertEquals("""
                sent to desk@example.com: 1 obligation (us-tariff)
                sent to owner@example.com: 1 obligation (us-tariff)
                """, later.out(), later::toString);
        MimeMessage desk = Mails.lastTo(received(), DESK);
        assertEquals("[truce] 1 due in 3 days (t-1)", Mails.subject(desk));
        String text = Mails.text(desk);
        assertTrue(text.contains("- now within 3 days of the deadline"), text);
        assertTrue(text.contains("What changed (last alert 2026-06-23 07:00 EDT)"), text);
    }

    @Test
    void anExtensionIsAnnouncedAndTheThresholdsReArm() {
        truce.run("alert");
        TruceFixture.write(dir, TruceFixture.yaml(TruceFixture.plainSmtp(), "Suspend the tariff", """
                extensions:
                  - decided: 2026-06-24
                    until: 2026-07-20T00:01-04:00
                    source: Order 7"""));
        CliRunner.Result extended = truce.at("2026-06-24T11:00:00Z").run("alert");
        assertEquals("""
                sent to desk@example.com: 1 obligation (us-tariff)
                sent to owner@example.com: 1 obligation (us-tariff)
                """, extended.out(), extended::toString);
        String text = Mails.text(Mails.lastTo(received(), DESK));
        assertTrue(text.contains("- extended to 2026-07-20 00:01 EDT (Order 7)"), text);
        assertTrue(text.contains("- now within 30 days of the deadline"), "26 days left of the new deadline: "
                + "the 30-day threshold fires again\n" + text);
        assertEquals("", truce.at("2026-06-25T11:00:00Z").run("alert").out());
    }

    @Test
    void withTheServerDownNothingIsRecordedAndTheNextRunSendsIt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRunner.Result down = truce.env(TruceFixture.smtpAt(closedPort)).run("alert");
        assertEquals(1, down.exitCode(), down::toString);
        assertEquals("", down.out());
        assertEquals("truce alert: cannot connect to the SMTP server 127.0.0.1:" + closedPort + " (none): "
                + "Connection refused; nothing sent to desk@example.com, owner@example.com, licences@example.com "
                + "(the next run sends it)\n", down.err());

        CliRunner.Result up = truce.env(TruceFixture.smtpAt(MAIL.getSmtp().getPort())).at("2026-06-23T12:00:00Z")
                .run("alert");
        assertEquals(0, up.exitCode(), up::toString);
        assertEquals(3, up.out().lines().count(), up::toString);
        assertEquals(3, received().length);
    }

    @Test
    void aTitleCannotInjectAHeaderAndIsEscapedInTheHtml() throws Exception {
        TruceFixture.write(dir, TruceFixture.yaml(TruceFixture.plainSmtp(),
                "\"Evil\\r\\nBcc: victim@example.com\\r\\nSubject: pwned <script>alert(1)</script> & co\"", ""));
        CliRunner.Result run = truce.run("alert");
        assertEquals(0, run.exitCode(), run::toString);
        MimeMessage[] messages = received();
        assertEquals(List.of(DESK, LICENCES, OWNER), Mails.toAll(messages), "nobody else got it");
        MimeMessage desk = Mails.forRecipient(messages, DESK);
        assertEquals(null, desk.getHeader("Bcc"));
        assertEquals(1, desk.getHeader("Subject").length);
        assertEquals("[truce] 2 due in 7 to 22 days (t-1)", Mails.subject(desk));
        String html = Mails.html(desk);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("pwned &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"), html);
        assertTrue(Mails.text(desk).contains(
                "1. us-tariff: Evil Bcc: victim@example.com Subject: pwned <script>alert(1)</script> & co\r\n"),
                "one line in the text part");
    }

    @Test
    void dryRunPrintsTheEmailsAndRecordsNothing() {
        CliRunner.Result dry = truce.run("alert", "--dry-run");
        assertEquals(0, dry.exitCode(), dry::toString);
        assertTrue(dry.out().startsWith("Date: "), dry.out());
        assertTrue(dry.out().contains("""
                From: truce@example.com
                To: desk@example.com
                """), dry.out());
        assertTrue(dry.out().contains("Subject: [truce] 2 due in 7 to 22 days (t-1)\n"), dry.out());
        assertTrue(dry.out().contains("To: owner@example.com\n") && dry.out().contains("To: licences@example.com\n"));
        assertTrue(dry.out().contains("   Days left:       7 days left\n"), dry.out());
        assertEquals(0, received().length);
        assertFalse(Files.exists(dir.resolve(".truce")), "nothing recorded, not even an empty ledger");
        assertEquals(3, truce.run("alert").out().lines().count(), "a real run still sends everything");
    }

    @Test
    void outWritesOneEmlFilePerRecipientAndRecordsNothing() throws Exception {
        CliRunner.Result out = truce.run("alert", "--out", "outbox");
        assertEquals(0, out.exitCode(), out::toString);
        assertEquals("wrote " + dir.resolve("outbox/desk@example.com.eml") + ": 2 obligations (us-tariff, cn-licences)",
                out.out().lines().findFirst().orElseThrow());
        Path eml = dir.resolve("outbox/owner@example.com.eml");
        MimeMessage parsed;
        try (var in = Files.newInputStream(eml)) {
            parsed = new MimeMessage(null, in);
        }
        assertEquals("[truce] 1 due in 7 days (t-1)", parsed.getSubject());
        assertTrue(Mails.text(parsed).contains("us-tariff"));
        assertEquals(0, received().length);
        assertFalse(Files.exists(dir.resolve(".truce")));
    }

    @Test
    void historyListsWhatWasSentWhen() {
        assertEquals("No alerts sent yet.\n", truce.run("alert", "--history").out());
        truce.run("alert");
        CliRunner.Result all = truce.run("alert", "--history");
        assertEquals(0, all.exitCode(), all::toString);
        List<String> lines = all.out().lines().toList();
        assertEquals(5, lines.size(), all::toString);
        assertTrue(lines.get(0).matches("sent +recipient +obligation +alert +message-id"), lines.get(0));
        assertTrue(lines.get(1).matches("2026-06-23 07:00 EDT +desk@example.com +us-tariff +threshold 7 days +<truce\\..*>"),
                lines.get(1));
        CliRunner.Result one = truce.run("alert", "--history", "cn-licences");
        assertEquals(3, one.out().lines().count(), one::toString);
        assertTrue(one.out().contains("threshold 30 days"));
        CliRunner.Result unknown = truce.run("alert", "--history", "cn-licence");
        assertEquals(2, unknown.exitCode());
        assertEquals("truce alert: no obligation 'cn-licence'; did you mean 'cn-licences'? (truce status lists them)\n", unknown.err());
    }

    private static final String CREATED = "Created acks.yaml: commit it, so that every clone, the cron host and the "
            + "daemon honour it\n";

    @Test
    void anAckSilencesAnObligationUntilItsDeadlineMoves() {
        CliRunner.Result ack = truce.run("ack", "us-tariff", "--by", "ana", "--reason", "known; waiting for the order");
        assertEquals(0, ack.exitCode(), ack::toString);
        assertEquals("acknowledged us-tariff by ana: alerts silenced until its compliance state (no-evidence) or "
                + "deadline changes\n" + CREATED, ack.out());
        CliRunner.Result run = truce.run("alert");
        assertEquals("""
                sent to desk@example.com: 1 obligation (cn-licences)
                sent to licences@example.com: 1 obligation (cn-licences)
                """, run.out(), run::toString);

        TruceFixture.write(dir, TruceFixture.yaml(TruceFixture.plainSmtp(), "Suspend the tariff", """
                extensions:
                  - decided: 2026-06-24
                    until: 2026-07-03
                    source: Order 7"""));
        CliRunner.Result moved = truce.at("2026-06-24T11:00:00Z").run("alert");
        assertEquals("""
                sent to desk@example.com: 1 obligation (us-tariff)
                sent to owner@example.com: 1 obligation (us-tariff)
                """, moved.out(), "the deadline moved, so the ack no longer holds\n" + moved);
        CliRunner.Result list = truce.at("2026-06-24T11:00:00Z").run("ack", "list");
        assertEquals(0, list.exitCode(), list::toString);
        assertEquals(List.of("acked                 obligation  by   until     now                     reason",
                "2026-06-23 07:00 EDT  us-tariff   ana  a change  lifted: deadline moved  known; waiting for the order"),
                list.out().lines().toList());
    }

    @Test
    void anAckUntilADateEndsWithThatDay() {
        CliRunner.Result ack = truce.run("ack", "us-tariff", "--until", "2026-06-26", "--by", "ana", "--reason", "on leave");
        assertEquals("acknowledged us-tariff by ana: alerts silenced through 2026-06-26, or until its compliance "
                + "state (no-evidence) or deadline changes\n" + CREATED, ack.out(), ack::toString);
        truce.run("alert");
        assertEquals("", truce.at("2026-06-27T03:59:00Z").run("alert").out(), "23:59 EDT on the 26th: still silent");
        assertEquals("""
                sent to desk@example.com: 1 obligation (us-tariff)
                sent to owner@example.com: 1 obligation (us-tariff)
                """, truce.at("2026-06-27T11:00:00Z").run("alert").out(), "one alert: 3 days left, not 7 and 3");
        assertTrue(truce.run("ack", "list").out().contains("2026-06-26  expired 2026-06-26  on leave"));
        assertTrue(truce.at("2026-06-26T11:00:00Z").run("ack", "list").out().contains("2026-06-26  in force  on leave"));
    }

    @Test
    void anAckUntilADayEndsAtMidnightInTheTruceZoneAcrossTheDstChange() {
        // US DST ends 2026-11-01: the end of that day is 00:00 EST = 05:00 UTC, not 04:00 UTC
        TruceFixture.write(dir, TruceFixture.yaml(TruceFixture.plainSmtp(), "Suspend the tariff", "")
                .replace("due: 2026-06-30", "due: 2026-11-05")
                .replace("due: 2026-07-15T00:01-04:00", "due: 2027-07-15T00:01-04:00")); // cn-licences out of the way
        truce.at("2026-10-30T11:00:00Z");
        assertEquals(0, truce.run("ack", "us-tariff", "--until", "2026-11-01", "--by", "ana", "--reason", "r").exitCode());
        assertEquals("", truce.at("2026-11-02T04:30:00Z").run("alert").out(), "23:30 EST on 11-01: still silent");
        assertEquals("""
                sent to desk@example.com: 1 obligation (us-tariff)
                sent to owner@example.com: 1 obligation (us-tariff)
                """, truce.at("2026-11-02T05:00:00Z").run("alert").out());
    }

    @Test
    void badAckInputIsExitTwo() {
        assertEquals(2, truce.run("ack", "us-tarif", "--by", "a", "--reason", "r").exitCode());
        CliRunner.Result noReason = truce.run("ack", "us-tariff", "--by", "ana");
        assertEquals(2, noReason.exitCode());
        assertTrue(noReason.err().startsWith("truce ack: --reason TEXT is required"), noReason.err());
        CliRunner.Result past = truce.run("ack", "us-tariff", "--until", "2026-06-01", "--by", "a", "--reason", "r");
        assertEquals(2, past.exitCode());
        assertEquals("truce ack: --until: 2026-06-01 is in the past (today is 2026-06-23 in America/New_York)\n", past.err());
        assertEquals("No acks yet.\n", truce.run("ack", "list").out());
    }

    @Test
    void badSettingsAreExitTwoWithTheKeyOrVariableNamed() {
        CliRunner.Result port = truce.env(java.util.Map.of("TRUCE_SMTP_PORT", "smtp")).run("alert");
        assertEquals(2, port.exitCode(), port::toString);
        assertEquals("truce alert: $TRUCE_SMTP_PORT: 'smtp' is not a port number (expected 1 to 65535)\n", port.err());

        TruceFixture.write(dir, TruceFixture.yaml("", "Suspend the tariff", ""));
        CliRunner.Result noHost = truce.env(java.util.Map.of()).run("alert");
        assertEquals(2, noHost.exitCode(), noHost::toString);
        assertEquals("truce alert: obligations.yaml: alerts.smtp.host is not set (or set $TRUCE_SMTP_HOST); try --dry-run or "
                + "--out DIR to see the emails without a mail server\n", noHost.err());

        TruceFixture.write(dir, TruceFixture.yaml("""
                smtp:
                  host: localhost
                  username: bot
                  from: truce@example.com""", "Suspend the tariff", ""));
        CliRunner.Result noPassword = truce.run("alert");
        assertEquals(2, noPassword.exitCode(), noPassword::toString);
        assertEquals("truce alert: alerts.smtp.username is bot but no password is set: set $TRUCE_SMTP_PASSWORD or "
                + "alerts.smtp.password_file\n", noPassword.err());

        TruceFixture.write(dir, TruceFixture.yaml(TruceFixture.plainSmtp(), "Suspend the tariff", "")
                .replace("  recipients: [desk@example.com]\n", "")
                .replace("    owner: owner@example.com\n", "")
                .replace("    recipients: [licences@example.com]\n", ""));
        CliRunner.Result nobody = truce.run("alert");
        assertEquals(2, nobody.exitCode(), nobody::toString);
        assertEquals("truce alert: obligations.yaml: nobody to alert: add alerts.recipients, or an owner or recipients to the "
                + "obligations\n", nobody.err());

        CliRunner.Result both = truce.run("alert", "--dry-run", "--out", "x");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().startsWith("truce alert: --dry-run and --out: choose one"), both.err());
        assertEquals(0, received().length);
    }

    @Test
    void stateOverridesTheLedgerDirectory() {
        assertEquals(0, truce.run("alert", "--state", "elsewhere").exitCode());
        assertTrue(Files.exists(dir.resolve("elsewhere/ledger.mv.db")));
        assertFalse(Files.exists(dir.resolve(".truce")));
        assertEquals("", truce.at("2026-06-23T12:00:00Z").run("alert", "--state", "elsewhere").out());
        assertEquals(3, truce.at("2026-06-23T12:00:00Z").run("alert").out().lines().count(),
                "a different ledger knows of nothing sent");
    }
}
