package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.Ack;
import dev.truce.domain.AckEntry;
import dev.truce.testing.TruceFixture;
import dev.truce.yaml.AckBinding;
import dev.truce.yaml.EntryAppender;
import dev.truce.yaml.EntryFileReader;
import dev.truce.yaml.ObligationsFileReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `truce ack` as separate processes, as a desk and its cron host run it: many at once on one acks file, and one
 * killed with SIGKILL while it holds the lock (the test hook evidence add has). Each test waits on what the
 * processes print, never on a guessed sleep.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@Tag("slow")
class AckProcessesTest {
    private static final int WRITERS = 16;
    private static final List<String> SMALL_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:-UsePerfData", "-Xshare:auto", "-Xmx64m");

    @TempDir
    Path dir;

    private final List<TruceProcess> started = new ArrayList<>();
    private byte[] before;

    @BeforeEach
    void files() throws Exception {
        TruceFixture.writeDefault(dir);
        Files.copy(Path.of("acks.yaml"), acks());
        before = Files.readAllBytes(acks());
    }

    @AfterEach
    void killLeftovers() {
        started.forEach(TruceProcess::close);
    }

    private Path acks() {
        return dir.resolve("acks.yaml");
    }

    private TruceProcess ack(int writer, boolean pauseAfterLock) throws Exception {
        Map<String, String> env = pauseAfterLock ? Map.of(AppendLock.PAUSE_AFTER_LOCK, "1") : Map.of();
        TruceProcess process = TruceProcess.start(dir, env, SMALL_JVM, "ack", writer % 2 == 0 ? "us-tariff" : "cn-licences",
                "--by", "writer-" + writer, "--reason", "writer " + writer + " says: \"known\" # see\n- the note");
        started.add(process);
        return process;
    }

    private List<AckEntry> readBack() {
        var register = new ObligationsFileReader().read(dir.resolve("obligations.yaml"), "obligations.yaml").register();
        return new EntryFileReader().readAll(acks(), new AckBinding("acks.yaml", register, "obligations.yaml"));
    }

    @Test
    void concurrentWritersEndWithOneWholeEntryEach() throws Exception {
        List<TruceProcess> writers = new ArrayList<>();
        // the lock held while the writers start, so that all are at the door when it opens
        try (FileChannel lockFile = FileChannel.open(EntryAppender.lockFileOf(acks()), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock held = lockFile.lock()) {
            for (int i = 0; i < WRITERS; i++) {
                writers.add(ack(i, false));
            }
            for (TruceProcess writer : writers) {
                writer.awaitErr(line -> line.startsWith("truce: waiting for another truce ack to finish (lock "),
                        Duration.ofSeconds(120));
            }
            assertArrayEquals(before, Files.readAllBytes(acks()));
        }
        for (TruceProcess writer : writers) {
            assertEquals(0, writer.awaitExit(Duration.ofSeconds(120)), writer.err()::toString);
        }
        byte[] after = Files.readAllBytes(acks());
        assertArrayEquals(before, Arrays.copyOf(after, before.length), "appended, nothing before rewritten");
        List<AckEntry> entries = readBack();
        assertEquals(WRITERS, entries.size());
        List<String> writersSeen = new ArrayList<>();
        for (AckEntry entry : entries) {
            Ack ack = (Ack) entry;
            String writer = ack.by().substring("writer-".length());
            assertEquals("writer " + writer + " says: \"known\" # see\n- the note", ack.reason(), "fields of two writers mixed");
            assertEquals(Integer.parseInt(writer) % 2 == 0 ? "us-tariff" : "cn-licences", ack.obligationId());
            writersSeen.add(writer);
        }
        assertEquals(WRITERS, writersSeen.stream().distinct().count());
        assertEquals(WRITERS, Files.readString(acks()).lines().filter(l -> l.startsWith("- {")).count(),
                "one line per ack");
    }

    @Test
    void aWriterKilledWhileHoldingTheLockLeavesTheFileWholeAndTheLockFree() throws Exception {
        TruceProcess doomed = ack(1, true);
        doomed.awaitErr(line -> line.equals("truce: " + AppendLock.PAUSE_AFTER_LOCK + ": holding the lock until killed"),
                Duration.ofSeconds(120));
        TruceProcess next = ack(2, false);
        next.awaitErr(line -> line.startsWith("truce: waiting for another truce ack to finish"), Duration.ofSeconds(120));

        doomed.close(); // SIGKILL: no shutdown hooks, no finally blocks
        assertEquals(137, doomed.awaitExit(Duration.ofSeconds(30)));

        assertEquals(0, next.awaitExit(Duration.ofSeconds(120)), "the lock of a killed writer was not released");
        assertArrayEquals(before, Arrays.copyOf(Files.readAllBytes(acks()), before.length));
        List<AckEntry> entries = readBack();
        assertEquals(1, entries.size());
        assertEquals("writer-2", entries.get(0).by());
        TruceProcess validate = TruceProcess.start(dir, Map.of(), SMALL_JVM, "validate");
        started.add(validate);
        assertEquals(0, validate.awaitExit(Duration.ofSeconds(60)), validate.err()::toString);
    }
}
