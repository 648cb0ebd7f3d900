package dev.truce.alert.ledger;

import static dev.truce.testing.TruceFixture.DESK;
import static dev.truce.testing.TruceFixture.LICENCES;
import static dev.truce.testing.TruceFixture.OWNER;
import static dev.truce.testing.TruceFixture.WEEK_BEFORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.cli.CliRunner;
import dev.truce.testing.SmtpPeer;
import dev.truce.testing.TruceFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under the ledger, for real: the state directory on a 2 MiB tmpfs, filled to the last byte.
 * Mounting needs root (CI runs as root); elsewhere the test is skipped and says why. The same paths are
 * covered without root by {@link UnrecordedSendTest}'s injected faults.
 */
@Tag("slow")
class DiskFullTest {
    @TempDir
    Path dir;

    private Path mount;
    private Path state;
    private CliRunner truce;
    private SmtpPeer smtp;

    @BeforeEach
    void aSmallFileSystem() throws Exception {
        mount = dir.resolve("small");
        Files.createDirectories(mount);
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String said = new String(mounting.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Assumptions.assumeTrue(mounting.waitFor(30, TimeUnit.SECONDS) && mounting.exitValue() == 0,
                () -> "skipped: cannot mount a 2 MiB tmpfs to fill (needs root): " + said);
        state = mount.resolve("state");
        TruceFixture.writeDefault(dir);
        smtp = new SmtpPeer(null, null, null, Set.of());
        truce = new CliRunner(dir).env(TruceFixture.smtpAt(smtp.port())).at(WEEK_BEFORE);
        assertEquals(0, truce.run("alert", "--rebuild-ledger", "--state", state.toString()).exitCode(),
                "the ledger exists before the disk fills");
    }

    @AfterEach
    void unmount() throws Exception {
        if (smtp != null) {
            smtp.close();
        }
        if (state != null) {
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Path fill() throws IOException {
        Path filler = mount.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            assertTrue(String.valueOf(full.getMessage()).contains("No space left"), full::toString);
        }
        return filler;
    }

    private CliRunner.Result alert(String at) {
        return truce.at(at).run("alert", "--state", state.toString());
    }

    @Test
    void onAFullDiskNothingIsSentAndEverythingIsSentOnceThereIsRoom() throws Exception {
        Path filler = fill();
        CliRunner.Result full = alert(WEEK_BEFORE);
        assertEquals(1, full.exitCode(), full::toString);
        assertEquals("", full.out(), "no 'sent' on a full disk: " + full);
        assertEquals("truce alert: the alert ledger in " + state + " failed: No space left on device\n", full.err());
        assertEquals(List.of(), smtp.received(), "nothing goes out that could not be recorded");

        Files.delete(filler);
        CliRunner.Result room = alert("2026-06-23T12:00:00Z");
        assertEquals(0, room.exitCode(), room::toString);
        assertEquals(3, room.out().lines().count(), room::toString);
        assertEquals("", alert("2026-06-23T13:00:00Z").out(), "recorded: not sent again");
        assertEquals(3, smtp.received().size());
    }

    @Test
    void aDiskThatFillsWhileSendingIsReportedAndCostsOneRepeatAtMost() throws Exception {
        smtp.holdMessages();
        CompletableFuture<CliRunner.Result> run = CompletableFuture.supplyAsync(() -> alert(WEEK_BEFORE));
        assertTrue(smtp.awaitHolding(60), "the first digest is at the server");
        Path filler = fill();
        smtp.release();
        CliRunner.Result filled = run.get(60, TimeUnit.SECONDS);
        assertEquals(1, filled.exitCode(), filled::toString);
        assertEquals("", filled.out(), "nothing reported as sent and recorded: " + filled);
        assertEquals(List.of("truce alert: sent to desk@example.com (us-tariff, cn-licences) but the ledger could not "
                + "record it: H2 could not write the ledger file (is the disk full?); if the next run finds the ledger working it sends this once more",
                "truce alert: the alert ledger cannot record anything (No space left on device); nothing sent to "
                + "owner@example.com, licences@example.com (the next run sends it)"), filled.err().lines().toList());
        assertEquals(List.of(List.of(DESK)), smtp.received().stream().map(SmtpPeer.Received::recipients).toList(),
                "the others were not sent: the ledger could not take them");

        Files.delete(filler);
        CliRunner.Result room = alert("2026-06-23T12:00:00Z");
        assertEquals(0, room.exitCode(), room::toString);
        assertEquals(3, room.out().lines().count(), "desk@ once more (the record was lost), owner@ and licences@ "
                + "for the first time: " + room);
        assertEquals("", alert("2026-06-23T13:00:00Z").out());
        assertEquals(List.of(DESK, DESK, OWNER, LICENCES), smtp.received().stream()
                .flatMap(r -> r.recipients().stream()).toList());
    }
}
