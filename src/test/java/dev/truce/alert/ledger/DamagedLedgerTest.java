package dev.truce.alert.ledger;

import static dev.truce.testing.TruceFixture.WEEK_BEFORE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truce.cli.CliRunner;
import dev.truce.testing.TruceFixture;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A ledger file that is empty, cut short or garbled must never read as "No alerts sent yet" (after which
 * the next run would send every digest again and the acks would be gone): truce refuses it with exit 1
 * and a line that names the file and the way out, leaves it as it is, and `alert --rebuild-ledger` sets
 * it aside only when asked.
 */
class DamagedLedgerTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private CliRunner truce;
    private Path ledger;
    private String history;

    /** A ledger as a desk has it: two digests sent (us-tariff to desk and owner); and an ack of cn-licences in acks.yaml. */
    @BeforeEach
    void aLedgerWithAlertsAndAnAck() {
        TruceFixture.writeDefault(dir);
        truce = new CliRunner(dir).env(TruceFixture.smtpAt(MAIL.getSmtp().getPort())).at(WEEK_BEFORE);
        assertEquals(0, truce.run("ack", "cn-licences", "--by", "ana", "--reason", "talks").exitCode());
        CliRunner.Result sent = truce.run("alert");
        assertEquals(2, sent.out().lines().count(), sent::toString);
        ledger = dir.resolve(".truce/ledger.mv.db");
        history = truce.run("alert", "--history").out();
        assertEquals(3, history.lines().count(), "a header and the two us-tariff alerts: " + history);
    }

    private void assertRefused(CliRunner.Result run) {
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run::toString);
        assertTrue(lines.get(0).matches("truce [a-z ]+: the alert ledger .*"), run::toString);
        assertTrue(lines.get(0).contains(": the alert ledger " + ledger + " is damaged ("), run::toString);
        assertTrue(lines.get(0).endsWith("restore " + dir.resolve(".truce") + " from a backup, or run truce alert "
                + "--rebuild-ledger to move the file aside and start an empty ledger (what was sent before may be "
                + "sent again)"), run::toString);
    }

    /** Every command that reads the ledger refuses it, sends nothing, and leaves the file byte for byte. */
    private void assertEveryReaderRefuses() throws IOException {
        byte[] damaged = Files.readAllBytes(ledger);
        int mails = MAIL.getReceivedMessages().length;
        assertRefused(truce.run("alert", "--history"));
        CliRunner.Result acks = truce.run("ack", "list");
        assertEquals(0, acks.exitCode(), "the acks are the acks file's: " + acks);
        assertTrue(acks.out().contains("cn-licences") && acks.out().contains("talks"), acks::toString);
        assertTrue(acks.err().startsWith("truce: warning: acks made before the acks file may still be in the alert "
                + "ledger, which could not be read: the alert ledger " + ledger + " is damaged ("), acks::toString);
        assertRefused(truce.run("alert", "--dry-run"));
        assertRefused(truce.at("2026-06-27T11:00:00Z").run("alert"));
        assertEquals(mails, MAIL.getReceivedMessages().length, "nothing sent again");
        assertArrayEquals(damaged, Files.readAllBytes(ledger), "the damaged file is left as it was");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Files.write(ledger, new byte[0]);
        assertEveryReaderRefuses();
        assertTrue(truce.run("alert", "--history").err().contains("is damaged (it is empty: 0 bytes)"));
    }

    @ParameterizedTest
    @ValueSource(ints = {8 * 1024, 9 * 1024, 9 * 1024 + 517, 10 * 1024})
    void aFileCutShortIsRefused(int length) throws IOException {
        try (FileChannel file = FileChannel.open(ledger, StandardOpenOption.WRITE)) {
            assertTrue(file.size() > length, "the ledger is longer than the cut: " + file.size());
            file.truncate(length);
        }
        assertEveryReaderRefuses();
    }

    /**
     * Garbage written over the file, 512 bytes at a time from offset 0 on: each either reads back exactly
     * as before (H2 keeps two file headers and old chunks, and many bytes are free space) or is refused;
     * never fewer alerts or no acks.
     */
    @Test
    void garbledBytesAreRefusedOrReadBackWhole() throws IOException {
        byte[] good = Files.readAllBytes(ledger);
        Path copy = dir.resolve("good.mv.db");
        Files.write(copy, good);
        String acks = truce.run("ack", "list").out();
        int refused = 0;
        for (int offset = 0; offset < good.length; offset += 1024) {
            byte[] garbled = good.clone();
            Random random = new Random(offset);
            for (int i = offset; i < Math.min(garbled.length, offset + 512); i++) {
                garbled[i] = (byte) random.nextInt(256);
            }
            Files.write(ledger, garbled);
            CliRunner.Result read = truce.run("alert", "--history");
            if (read.exitCode() == 0) {
                assertEquals(history, read.out(), "garbled at " + offset);
                assertEquals(acks, truce.run("ack", "list").out(), "garbled at " + offset);
            } else {
                assertRefused(read);
                refused++;
            }
            Files.copy(copy, ledger, StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue(refused >= 3, "garbling the data pages is noticed: refused " + refused + " of "
                + (good.length / 1024 + 1));
    }

    @Test
    void rebuildMovesTheDamagedFileAsideAndStartsAnEmptyLedger() throws IOException {
        try (FileChannel file = FileChannel.open(ledger, StandardOpenOption.WRITE)) {
            file.truncate(9 * 1024);
        }
        byte[] damaged = Files.readAllBytes(ledger);
        CliRunner.Result rebuilt = truce.at("2026-06-24T13:14:15Z").run("alert", "--rebuild-ledger");
        assertEquals(0, rebuilt.exitCode(), rebuilt::toString);
        Path aside = dir.resolve(".truce/ledger.mv.db.broken-20260624T131415Z");
        assertEquals("moved the damaged ledger " + ledger + " (H2 finds no data in it: it is cut short, or not a truce "
                + "ledger) aside to " + aside + ", where it is kept, and created an empty ledger in its "
                + "place: the next truce alert sends what is due as news (the acks file is untouched)\n", rebuilt.out(),
                rebuilt::toString);
        assertEquals("", rebuilt.err());
        assertArrayEquals(damaged, Files.readAllBytes(aside), "kept as it was");
        assertEquals("No alerts sent yet.\n", truce.run("alert", "--history").out());
        assertEquals("""
                sent to desk@example.com: 1 obligation (us-tariff)
                sent to owner@example.com: 1 obligation (us-tariff)
                """, truce.run("alert").out(), "an empty ledger: every digest is news again; the ack in acks.yaml holds");

        // the new ledger is healthy: asked again, nothing is moved
        CliRunner.Result again = truce.run("alert", "--rebuild-ledger");
        assertEquals(2, again.exitCode(), again::toString);
        assertEquals("truce alert: --rebuild-ledger: the ledger " + ledger + " reads whole, so it was left as it is (nothing to "
                + "rebuild); to start afresh anyway, move it aside yourself\n", again.err());
        try (Stream<Path> files = Files.list(dir.resolve(".truce"))) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().contains(".broken-")).count());
        }
    }

    @Test
    void aHealthyLedgerIsNotRebuilt() throws IOException {
        byte[] before = Files.readAllBytes(ledger);
        CliRunner.Result refused = truce.run("alert", "--rebuild-ledger");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("reads whole, so it was left as it is"), refused::toString);
        assertArrayEquals(before, Files.readAllBytes(ledger));
        assertEquals(history, truce.run("alert", "--history").out());
    }

    @Test
    void rebuildGoesAlone() {
        CliRunner.Result both = truce.run("alert", "--rebuild-ledger", "--dry-run");
        assertEquals(2, both.exitCode(), both::toString);
        assertTrue(both.err().startsWith("truce alert: --rebuild-ledger goes alone"), both::toString);
    }
}
