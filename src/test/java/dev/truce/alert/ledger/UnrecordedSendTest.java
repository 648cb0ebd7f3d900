package dev.truce.alert.ledger;

import static dev.truce.testing.TruceFixture.DESK;
import static dev.truce.testing.TruceFixture.LICENCES;
import static dev.truce.testing.TruceFixture.OWNER;
import static dev.truce.testing.TruceFixture.WEEK_BEFORE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truce.cli.CliRunner;
import dev.truce.testing.Mails;
import dev.truce.testing.TruceFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the ledger cannot record, `truce alert` says so on stderr (recipient and obligations) and exits 1,
 * and never ends up sending the same digest over and over: a ledger that cannot take a write stops the
 * digest before it is sent; a write that fails only in the moment after sending costs one repeat at most.
 * The faults are injected with an H2 trigger ({@link FailingWrites}).
 */
class UnrecordedSendTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private CliRunner truce;
    private ConnectionSource ledger;

    @BeforeEach
    void anEmptyLedger() {
        TruceFixture.writeDefault(dir);
        truce = new CliRunner(dir).env(TruceFixture.smtpAt(MAIL.getSmtp().getPort())).at(WEEK_BEFORE);
        assertEquals("No alerts sent yet.\n", truce.run("alert", "--history").out());
        assertEquals(0, truce.run("ack", "list", "--state", ".truce").exitCode());
        ledger = ConnectionSource.of(EmbeddedLedger.url(dir.resolve(".truce")), "", "");
    }

    private void createLedger() {
        assertEquals(0, truce.run("alert", "--rebuild-ledger").exitCode(), "there is none: an empty one is made");
    }

    @Test
    void aLedgerThatCannotTakeTheWriteStopsTheDigestBeforeItIsSent() throws Exception {
        createLedger();
        FailingWrites.install(ledger, "truce_alert_sending", Integer.MAX_VALUE);
        for (int run = 0; run < 3; run++) {
            CliRunner.Result failed = truce.run("alert");
            assertEquals(1, failed.exitCode(), failed::toString);
            assertEquals("", failed.out(), failed::toString);
            assertEquals("truce alert: the alert ledger cannot record anything (injected write failure); nothing sent "
                    + "to desk@example.com, owner@example.com, licences@example.com (the next run sends it)\n", failed.err());
        }
        assertEquals(0, MAIL.getReceivedMessages().length, "nothing sent, however often it runs");
    }

    @Test
    void aWriteThatFailsAfterSendingIsLoudAndCostsOneRepeatAtMost() throws Exception {
        createLedger();
        FailingWrites.install(ledger, "truce_alert_sent", 1);   // the record of the first digest, once
        CliRunner.Result failed = truce.run("alert");
        assertEquals(1, failed.exitCode(), failed::toString);
        assertEquals("""
                sent to owner@example.com: 1 obligation (us-tariff)
                sent to licences@example.com: 1 obligation (cn-licences)
                """, failed.out(), failed::toString);
        assertEquals(List.of("truce alert: sent to desk@example.com (us-tariff, cn-licences) but the ledger could not "
                + "record it: injected write failure; if the next run finds the ledger working it sends this once more"),
                failed.err().lines().toList(), failed::toString);

        CliRunner.Result again = truce.at("2026-06-23T12:00:00Z").run("alert");
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals("sent to desk@example.com: 2 obligations (us-tariff, cn-licences)\n", again.out());
        assertEquals("", truce.at("2026-06-23T13:00:00Z").run("alert").out(), "and then never again");
        assertEquals(List.of(DESK, DESK, LICENCES, OWNER), Mails.toAll(MAIL.getReceivedMessages()));
        // the repeat is the same message to a system that drops duplicates by Message-ID (issue 21 item 7)
        List<String> ids = java.util.Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> Mails.to(m).equals(DESK)).map(UnrecordedSendTest::messageId).toList();
        assertEquals(2, ids.size());
        assertEquals(ids.get(0), ids.get(1));
    }

    @Test
    void aValueTooLongForTheLedgerIsNeverSent() {
        String id = "cn-" + "x".repeat(LedgerLimits.OBLIGATION_ID);
        TruceFixture.write(dir, TruceFixture.yaml(TruceFixture.plainSmtp(), "Suspend the tariff", "")
                .replace("id: cn-licences", "id: " + id));
        for (int run = 0; run < 2; run++) {
            CliRunner.Result refused = truce.run("alert");
            if (refused.exitCode() == 2) {   // the reader's own limits refuse the file first: as good
                assertEquals(0, MAIL.getReceivedMessages().length, refused::toString);
                return;
            }
            assertEquals(1, refused.exitCode(), refused::toString);
            assertEquals("sent to owner@example.com: 1 obligation (us-tariff)\n".repeat(1 - run), refused.out(),
                    refused::toString);
            String why = ": the ledger cannot record it: obligation id 'cn-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is 203 "
                    + "characters; the ledger holds at most 200; nothing recorded, the next run retries it";
            assertEquals(List.of("truce alert: not sent to desk@example.com" + why,
                    "truce alert: not sent to licences@example.com" + why), refused.err().lines().toList(), refused::toString);
        }
        assertEquals(List.of(OWNER), Mails.toAll(MAIL.getReceivedMessages()), "only the digest the ledger can record");
    }

    private static String messageId(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
