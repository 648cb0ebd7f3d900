package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.testing.SmtpPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 9: the ambiguous end of a delivery. `truce alert` runs as a process; the SMTP peer holds the
 * message at the end of DATA, the process is killed (SIGKILL) before the 250 comes, and the peer stores the
 * message anyway. Nothing was recorded, so the next run sends the digest again: at least once, not exactly
 * once. Both copies carry the same Message-ID, derived from the recipient and the alerts' ledger keys, so a
 * receiving system that drops duplicates by Message-ID shows one; a digest with other alerts has another id.
 * Issue 21 item 7: the same when the kill comes just after the server's 250, before the ledger records it.
 */
@Tag("slow")
class AmbiguousDeliveryProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern MESSAGE_ID = Pattern.compile("(?mi)^Message-ID: (<[^>]+>)\r?$");

    @TempDir
    Path dir;

    private SmtpPeer smtp;

    @BeforeEach
    void setUp() throws Exception {
        smtp = new SmtpPeer(null, null, null, Set.of());
        AlertingFile.smtpOn(smtp.port()).writeTo(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        smtp.close();
    }

    private static String messageId(SmtpPeer.Received received) {
        Matcher m = MESSAGE_ID.matcher(received.data());
        assertTrue(m.find(), received.data());
        return m.group(1);
    }

    /**
     * The server said 250 and stored the digest; the process is killed while it records that (held there by
     * {@link StallingRecord}). The ledger never learnt of the send, so the next run sends the digest again, with
     * the Message-ID of the first: the two are one message to a system that drops duplicates by Message-ID.
     */
    @Test
    void aDigestSentAgainAfterAKillJustAfterThe250KeepsItsMessageId() throws Exception {
        try (TruceProcess create = TruceProcess.start(dir, "alert", "--rebuild-ledger")) {
            assertEquals(0, create.awaitExit(WAIT), () -> String.join("\n", create.err()));
        }
        try (java.net.ServerSocket latch = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            try (java.sql.Connection ledger = ledger(); java.sql.Statement sql = ledger.createStatement()) {
                sql.execute(StallingRecord.install(latch.getLocalPort()));
            }
            latch.setSoTimeout((int) WAIT.toMillis());
            try (TruceProcess first = TruceProcess.start(dir, "alert");
                 java.net.Socket recording = latch.accept()) {
                assertEquals(1, smtp.received().size(), "the server had said 250 when the record began");
                first.close();   // SIGKILL between the 250 and the record
                first.awaitExit(WAIT);
            }
            try (java.sql.Connection ledger = ledger(); java.sql.Statement sql = ledger.createStatement()) {
                sql.execute(StallingRecord.remove(latch.getLocalPort()));
            }
        }

        try (TruceProcess second = TruceProcess.start(dir, "alert")) {
            assertEquals(0, second.awaitExit(WAIT), () -> String.join("\n", second.err()));
            assertEquals(List.of("sent to desk@example.com: 1 obligation (us-tariff)"), second.out(),
                    "the send the ledger never recorded is made again");
        }
        List<SmtpPeer.Received> received = smtp.received();
        assertEquals(2, received.size());
        assertEquals(messageId(received.get(0)), messageId(received.get(1)));
        try (TruceProcess third = TruceProcess.start(dir, "alert")) {
            assertEquals(0, third.awaitExit(WAIT), () -> String.join("\n", third.err()));
            assertEquals(List.of(), third.out(), "recorded the second time: not sent a third");
        }
    }

    private java.sql.Connection ledger() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(dev.truce.alert.ledger.EmbeddedLedger.url(dir.resolve(".truce")), "", "");
    }

    @Test
    void aDigestSentAgainAfterALostReplyKeepsItsMessageId() throws Exception {
        smtp.holdMessages();
        try (TruceProcess first = TruceProcess.start(dir, "alert")) {
            assertTrue(smtp.awaitHolding(WAIT.toSeconds()), "the run never reached the end of DATA");
            first.close();   // SIGKILL while the server holds its reply
            first.awaitExit(WAIT);
        }
        smtp.release();       // the server stores it all the same

        try (TruceProcess second = TruceProcess.start(dir, "alert")) {
            assertEquals(0, second.awaitExit(WAIT), () -> String.join("\n", second.err()));
            assertEquals(List.of("sent to desk@example.com: 1 obligation (us-tariff)"), second.out());
        }
        List<SmtpPeer.Received> received = smtp.received();
        assertEquals(2, received.size(), "at least once: the lost reply means the digest is sent again");
        assertEquals(messageId(received.get(0)), messageId(received.get(1)));

        // another digest (the ledger forgotten, an obligation added) is another message
        Files.writeString(dir.resolve("obligations.yaml"), AlertingFile.smtpOn(smtp.port()).text() + """
                  - id: cn-licences
                    title: Issue the licences
                    party: CN
                    kind: export-control
                    due: 2099-01-01
                  - id: cn-soon
                    title: Buy soybeans
                    party: CN
                    kind: purchase
                    due: %s
                """.formatted(LocalDate.now(ZoneId.of("America/New_York")).plusDays(3)));
        try (TruceProcess third = TruceProcess.start(dir, "alert")) {
            assertEquals(0, third.awaitExit(WAIT), () -> String.join("\n", third.err()));
        }
        assertEquals(3, smtp.received().size());
        assertNotEquals(messageId(received.get(0)), messageId(smtp.received().get(2)));
    }
}
