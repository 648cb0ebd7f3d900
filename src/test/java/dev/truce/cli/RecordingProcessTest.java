package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `truce extend` as separate processes, for what only they show: a kill -9 in the middle of the write leaves the
 * old file whole, and two runs at once both land, the second after the first, never one lost.
 */
@Tag("slow")
class RecordingProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static String[] extend(String id, String until) {
        return new String[] {"extend", id, "--until", until, "--source", "test " + id};
    }

    @Test
    void aRunKilledJustBeforeTheRenameLeavesTheOldFileAndTheNextRunWorks() throws Exception {
        Path file = TestFiles.copyShipped(dir);
        byte[] before = Files.readAllBytes(file);
        try (TruceProcess doomed = TruceProcess.start(dir, Map.of(RecordingOptions.PAUSE_BEFORE_RENAME, "1"),
                TruceProcess.LAUNCHER_FLAGS, extend("cn-port-fees-suspension", "2027-11-10T00:01-05:00"))) {
            doomed.awaitErr(line -> line.contains("holding before the rename until killed"), WAIT);
            assertTrue(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")),
                    "the new text is written, not yet renamed");
            doomed.close(); // SIGKILL
            assertEquals(137, doomed.awaitExit(WAIT));
        }
        assertArrayEquals(before, Files.readAllBytes(file), "the old file, whole");
        try (TruceProcess next = TruceProcess.start(dir, extend("cn-port-fees-suspension", "2027-11-10T00:01-05:00"))) {
            assertEquals(0, next.awaitExit(WAIT), String.join("\n", next.err()));
        }
        assertTrue(Files.readString(file).contains("source: test cn-port-fees-suspension"));
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "the leftover is cleaned");
    }

    @Test
    void twoRunsAtOnceBothLand() throws Exception {
        Path file = TestFiles.copyShipped(dir);
        try (TruceProcess one = TruceProcess.start(dir, extend("cn-port-fees-suspension", "2027-11-10T00:01-05:00"));
             TruceProcess two = TruceProcess.start(dir, extend("cn-shipping-probe-suspension", "2027-11-10T00:01-05:00"))) {
            assertEquals(0, one.awaitExit(WAIT), String.join("\n", one.err()));
            assertEquals(0, two.awaitExit(WAIT), String.join("\n", two.err()));
        }
        String text = Files.readString(file);
        for (String id : List.of("cn-port-fees-suspension", "cn-shipping-probe-suspension")) {
            assertTrue(text.contains("source: test " + id), "both changes landed: " + id);
        }
        try (TruceProcess validate = TruceProcess.start(dir, "validate")) {
            assertEquals(0, validate.awaitExit(WAIT), String.join("\n", validate.err()));
        }
    }

    @Test
    void aSecondRunWaitsForTheLockAndThenReadsTheFileAsItIsThen() throws Exception {
        Path file = TestFiles.copyShipped(dir);
        try (TruceProcess first = TruceProcess.start(dir, Map.of(RecordingOptions.PAUSE_BEFORE_RENAME, "1"),
                TruceProcess.LAUNCHER_FLAGS, extend("cn-port-fees-suspension", "2027-11-10T00:01-05:00"))) {
            first.awaitErr(line -> line.contains("holding before the rename"), WAIT);
            try (TruceProcess second = TruceProcess.start(dir,
                    extend("cn-shipping-probe-suspension", "2027-11-10T00:01-05:00"))) {
                second.awaitErr(line -> line.startsWith("truce: waiting for another truce command"), WAIT);
                first.close(); // killed holding the lock: its own change dies with it, the second then lands
                assertEquals(0, second.awaitExit(WAIT), String.join("\n", second.err()));
            }
        }
        assertTrue(Files.readString(file).contains("source: test cn-shipping-probe-suspension"));
    }
}
