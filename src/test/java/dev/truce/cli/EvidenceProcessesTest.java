package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.Evidence;
import dev.truce.yaml.EntryAppender;
import dev.truce.yaml.EvidenceBinding;
import dev.truce.yaml.EntryFileReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `truce evidence add` as separate processes, the way a desk runs it: many at once on one file, and
 * one killed with SIGKILL while it holds the lock. Each test waits on what the processes print,
 * never on a guessed sleep.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("slow")
class EvidenceProcessesTest {
    private static final int WRITERS = 50;

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();
    private byte[] before;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("obligations.yaml"), EvidenceCommandTest.OBLIGATIONS);
        Files.writeString(evidence(), EvidenceCommandTest.EVIDENCE);
        before = Files.readAllBytes(evidence());
    }

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    private Path evidence() {
        return dir.resolve("evidence.yaml");
    }

    /** A real `truce` JVM on the test classpath, tuned to start fast. */
    private Process truce(boolean pauseAfterLock, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto", "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), "dev.truce.Main",
                "-f", dir.resolve("obligations.yaml").toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove(AppendLock.PAUSE_AFTER_LOCK);
        builder.environment().put("TRUCE_CACHE", "off"); // no entries in the home folder of whoever runs the tests
        if (pauseAfterLock) {
            builder.environment().put(AppendLock.PAUSE_AFTER_LOCK, "1");
        }
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private Process add(int writer, boolean pauseAfterLock) throws IOException {
        return truce(pauseAfterLock, "evidence", "add", "cn-rare-earth-licensing", "--stance", "partial",
                "--claimant", "writer " + writer, "--basis", "report", "--source", "source: " + writer,
                "--date", "2025-06-" + (10 + writer % 20), "--note", "note of writer " + writer + "\n- with a dash line",
                "--by", "writer-" + writer);
    }

    /** Blocks until the process prints its next line on stderr: the process says where it is. */
    private static String nextErrLine(Process process) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        String line = err.readLine();
        return line == null ? "(stderr closed; exit " + exitOf(process) + ")" : line;
    }

    private static String exitOf(Process process) {
        try {
            return String.valueOf(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private List<Evidence> readBack() {
        return new EntryFileReader().readAll(evidence(), new EvidenceBinding("evidence.yaml",
                List.of("cn-rare-earth-licensing", "us-reciprocal-suspension"), "obligations.yaml"));
    }

    @Test
    void fiftyConcurrentWritersEndWithFiftyWholeEntries() throws Exception {
        List<Process> writers = new ArrayList<>();
        // Hold the lock while the writers start, so that all fifty are at the door when it opens.
        try (FileChannel lockFile = FileChannel.open(EntryAppender.lockFileOf(evidence()),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = lockFile.lock()) {
            for (int i = 0; i < WRITERS; i++) {
                writers.add(add(i, false));
            }
            for (Process writer : writers) {
                String line = nextErrLine(writer);
                assertTrue(line.startsWith("truce: waiting for another truce evidence add to finish"), line);
            }
            assertArrayEquals(before, Files.readAllBytes(evidence()));
        }
        for (Process writer : writers) {
            assertTrue(writer.waitFor(60, TimeUnit.SECONDS), "a writer did not finish");
            assertEquals(0, writer.exitValue(), "writer failed: " + new String(writer.getErrorStream().readAllBytes(),
                    StandardCharsets.UTF_8));
        }

        byte[] after = Files.readAllBytes(evidence());
        assertArrayEquals(before, Arrays.copyOf(after, before.length));
        List<Evidence> entries = readBack();
        assertEquals(2 + WRITERS, entries.size());
        List<String> notes = entries.subList(2, entries.size()).stream().map(Evidence::note).sorted().toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            expected.add("note of writer " + i + "\n- with a dash line");
        }
        expected.sort(null);
        assertEquals(expected, notes);
        for (Evidence e : entries.subList(2, entries.size())) {
            String writer = e.claimant().substring("writer ".length());
            assertEquals("source: " + writer, e.source(), "fields of two writers mixed");
            assertEquals("writer-" + writer, e.recordedBy(), "fields of two writers mixed");
        }
    }

    @Test
    void aWriterKilledWhileHoldingTheLockLeavesTheFileWholeAndTheLockFree() throws Exception {
        Process doomed = add(1, true);
        assertEquals("truce: " + AppendLock.PAUSE_AFTER_LOCK + ": holding the lock until killed", nextErrLine(doomed));
        Process next = add(2, false);
        String waiting = nextErrLine(next);
        assertTrue(waiting.startsWith("truce: waiting for another truce evidence add to finish"), waiting);

        doomed.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
        assertTrue(doomed.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, doomed.exitValue());

        assertTrue(next.waitFor(60, TimeUnit.SECONDS), "the lock of a killed writer was not released");
        assertEquals(0, next.exitValue());
        byte[] after = Files.readAllBytes(evidence());
        assertArrayEquals(before, Arrays.copyOf(after, before.length));
        List<Evidence> entries = readBack();
        assertEquals(3, entries.size());
        assertEquals("writer-2", entries.get(2).recordedBy());

        Process check = truce(false, "validate");
        assertEquals(0, check.waitFor());
    }
}
