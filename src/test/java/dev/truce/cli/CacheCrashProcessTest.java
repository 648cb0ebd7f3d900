package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.yaml.ParseCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command killed (kill -9) while it writes a parse-cache entry leaves a half-written temporary file and the
 * entry that was there before; the next command reads neither as the file (the old entry is for other bytes,
 * the temporary file is never read), parses, answers as without a cache, and writes the entry whole.
 */
@Tag("slow")
class CacheCrashProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String[] STATUS = {"status", "--no-color", "--as-of", "2026-06-23T07:00-04:00"};

    @TempDir
    Path dir;

    private Path cache() {
        return dir.resolve("cache");
    }

    private Map<String, String> env(String cache) {
        return Map.of("TRUCE_CACHE_DIR", cache().toString(), "TRUCE_CACHE", cache);
    }

    private List<Path> files(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(cache())) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private Path obligationsEntry() throws IOException {
        List<Path> entries = files(".bin").stream().filter(p -> p.getFileName().toString().startsWith("obligations-")).toList();
        assertEquals(1, entries.size(), entries.toString());
        return entries.get(0);
    }

    /** A whole run: its exit code 0, nothing on stderr; its stdout. */
    private List<String> run(Map<String, String> env) throws Exception {
        try (TruceProcess truce = TruceProcess.start(dir, env, TruceProcess.LAUNCHER_FLAGS, STATUS)) {
            assertEquals(0, truce.awaitExit(WAIT), String.join("\n", truce.err()));
            assertEquals(List.of(), truce.err());
            return truce.out();
        }
    }

    @Test
    void aRunKilledHalfwayThroughWritingTheCacheLeavesNothingTheNextRunBelieves() throws Exception {
        Path obligations = TestFiles.copyShipped(dir);
        run(env("always"));                          // the cache as a run leaves it
        byte[] before = Files.readAllBytes(obligationsEntry());

        // the file changes: the entry is for other bytes now, and the next run writes a new one
        String text = Files.readString(obligations);
        assertTrue(text.contains("(Geneva, May 2025)"), "the shipped truce's title");
        Files.writeString(obligations, text.replace("(Geneva, May 2025)", "(Geneva, May 2025; edited)"));
        List<String> uncached = run(env("off"));
        assertFalse(uncached.isEmpty());

        try (TruceProcess doomed = TruceProcess.start(dir, Map.of("TRUCE_CACHE_DIR", cache().toString(), "TRUCE_CACHE",
                "always", ParseCache.PAUSE_MID_WRITE, "1"), TruceProcess.LAUNCHER_FLAGS, STATUS)) {
            doomed.awaitErr(line -> line.contains("holding halfway through") && line.contains("until killed"), WAIT);
            List<Path> partial = files(".tmp");
            assertEquals(1, partial.size(), "the new entry is being written: " + partial);
            assertTrue(Files.size(partial.get(0)) > 0, "half written");
            doomed.close(); // SIGKILL
            assertEquals(137, doomed.awaitExit(WAIT));
        }
        assertArrayEquals(before, Files.readAllBytes(obligationsEntry()), "the old entry, not renamed over");
        assertEquals(1, files(".tmp").size(), "the half-written file is left behind");

        assertEquals(uncached, run(env("always")), "parsed, as without a cache");
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(obligationsEntry())), "the entry was made again");
        assertEquals(List.of(), files(".tmp"), "the leftover is removed once the entry is written whole");
        assertEquals(uncached, run(env("always")), "read from the new entry");
    }
}
