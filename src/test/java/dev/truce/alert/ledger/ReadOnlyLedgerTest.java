package dev.truce.alert.ledger;

import static dev.truce.testing.TruceFixture.WEEK_BEFORE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.truce.cli.CliRunner;
import dev.truce.testing.TruceFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 item 7: a healthy ledger that this user cannot write (chmod a-w, a file owned by another user, a
 * read-only mount) is read as it is, and a run that must record in it says the ledger is read-only, not that it
 * is damaged (which sent people to --rebuild-ledger, which would throw away a good ledger), and sends nothing.
 * The file is made unwritable for real: chmod for a user, the immutable flag (chattr +i) for root, whom file
 * modes do not stop.
 */
class ReadOnlyLedgerTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private CliRunner truce;
    private Path ledger;
    private boolean immutable;

    @BeforeEach
    void aLedgerWithTwoDigestsSentThenMadeReadOnly() throws Exception {
        TruceFixture.writeDefault(dir);
        truce = new CliRunner(dir).env(TruceFixture.smtpAt(MAIL.getSmtp().getPort())).at(WEEK_BEFORE);
        assertEquals(3, truce.run("alert").out().lines().count());
        ledger = dir.resolve(".truce/ledger.mv.db");
        if ("root".equals(System.getProperty("user.name"))) {
            immutable = new ProcessBuilder("chattr", "+i", ledger.toString()).inheritIO().start().waitFor() == 0;
        } else {
            assertTrue(ledger.toFile().setWritable(false, false));
        }
        assumeFalse(Files.isWritable(ledger), "this file system cannot make the ledger read-only");
    }

    @AfterEach
    void writableAgain() throws Exception {
        if (immutable) {
            new ProcessBuilder("chattr", "-i", ledger.toString()).inheritIO().start().waitFor();
        }
        ledger.toFile().setWritable(true);
    }

    @Test
    void itIsReadAsItIsAndARunThatMustRecordSaysReadOnlyNotDamaged() throws IOException {
        byte[] before = Files.readAllBytes(ledger);
        CliRunner.Result history = truce.run("alert", "--history");
        assertEquals(0, history.exitCode(), history::toString);
        assertEquals(5, history.out().lines().count(), "a header and the four alerts sent (desk@ two, owner@ and licences@ one): " + history);
        assertEquals(0, truce.run("alert", "--dry-run").exitCode());

        int sent = MAIL.getReceivedMessages().length;
        CliRunner.Result run = truce.at("2026-06-27T11:00:00Z").run("alert");   // us-tariff crossed 3 days: news
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run::toString);
        assertFalse(lines.get(0).contains("damaged") || lines.get(0).contains("--rebuild-ledger"), run::toString);
        assertTrue(lines.get(0).startsWith("truce alert: the alert ledger " + ledger + " is read-only ("), run::toString);
        assertTrue(lines.get(0).endsWith("), so truce can read it but cannot record in it: nothing was sent or "
                + "recorded; make the file writable for the user that runs truce, or run truce as the file's owner"),
                run::toString);
        assertEquals(sent, MAIL.getReceivedMessages().length, "nothing sent that the ledger cannot record");
        assertArrayEquals(before, Files.readAllBytes(ledger));
    }
}
