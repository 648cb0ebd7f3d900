package dev.truce.yaml;

import static dev.truce.yaml.EditExpectations.extended;
import static dev.truce.yaml.EditExpectations.extension;
import static dev.truce.yaml.EditExpectations.model;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.truce.domain.Extension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EditedFile} across real processes: a writer killed with SIGKILL just before its rename leaves the file
 * whole and blocks nobody; two writers at once both land their change; a writer that cannot keep the file's
 * owner writes nothing. Each step waits for a line the other JVM prints, never for a guessed time.
 */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EditedFileProcessTest {
    private static final Extension FIRST = extension("2026-01-01", "2026-06-30", "EO first");
    private static final Extension SECOND = extension("2026-01-01", "2026-09-30", "EO second");

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();
    private Path file;

    @BeforeEach
    void obligations() throws IOException {
        file = Files.writeString(dir.resolve("obligations.yaml"), ObligationsEditorTest.TRUCE + """
                obligations:
                  - id: a-one
                    title: First
                    party: US
                    kind: paused-tariff
                    due: 2026-03-31
                """);
    }

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    private Process writer(List<String> prefix, Extension extension, boolean pause) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), EditingProcess.class.getName(),
                file.toString(), "a-one", extension.until().iso(), extension.source()));
        if (pause) {
            command.add("--pause");
        }
        Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
        started.add(process);
        return process;
    }

    private static BufferedReader out(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static String await(BufferedReader out, String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the writer ended without printing " + prefix);
    }

    private static void release(Process process) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write('\n');
        in.flush();
    }

    private List<String> tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void aWriterKilledBeforeItsRenameLeavesTheFileWholeAndTheLockFree() throws Exception {
        byte[] before = Files.readAllBytes(file);
        Process writer = writer(List.of(), FIRST, true);
        BufferedReader out = out(writer);
        Path temp = Path.of(await(out, "before-rename ").substring("before-rename ".length()));
        assertTrue(Files.size(temp) > before.length, "the new text is written and synced before the rename");
        writer.destroyForcibly();
        assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
        assertArrayEquals(before, Files.readAllBytes(file), "the file as it was, byte for byte");
        assertTrue(Files.exists(temp), "a kill -9 leaves the temporary file");

        List<String> heard = new ArrayList<>();
        try (EditedFile edited = EditedFile.lock(file, "obligations.yaml", new EditedFile.Listener() {
            @Override
            public void waiting(Path lockFile) {
                heard.add("waiting");
            }
        })) {
            assertFalse(Files.exists(temp), "the next lock removes it");
            edited.replace(ObligationsEditor.of(new String(edited.bytes(), StandardCharsets.UTF_8), "obligations.yaml")
                    .addExtension("a-one", SECOND).text().getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of(), heard, "the dead writer's lock died with it");
        assertEquals(extended(model(new String(before, StandardCharsets.UTF_8)), "a-one", SECOND), model(Files.readString(file)));
        assertEquals(List.of(), tempFiles());
    }

    @Test
    void twoWritersAtOnceBothLandTheirChange() throws Exception {
        String before = Files.readString(file);
        Process first = writer(List.of(), FIRST, true);
        BufferedReader firstOut = out(first);
        await(firstOut, "before-rename ");
        Process second = writer(List.of(), SECOND, false);
        BufferedReader secondOut = out(second);
        await(secondOut, "waiting");
        release(first);
        await(firstOut, "replaced");
        assertEquals(0, first.waitFor());
        await(secondOut, "locked");
        await(secondOut, "replaced");
        assertEquals(0, second.waitFor());
        assertEquals(extended(model(before), "a-one", FIRST, SECOND), model(Files.readString(file)),
                "the second read the file after the first had written it");
    }

    @Test
    void aWriterThatCannotKeepTheOwnerWritesNothing() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "needs root (to give the file to someone else) and setpriv (to run a writer that cannot)");
        Files.setAttribute(file, "unix:uid", 4242);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        byte[] before = Files.readAllBytes(file);
        Process writer = writer(List.of("/usr/bin/setpriv", "--bounding-set=-chown"), FIRST, false);
        String err = new String(writer.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, writer.waitFor(), err);
        assertTrue(err.startsWith("obligations.yaml: cannot keep its owner 4242 and group root (Operation not permitted):"
                + " nothing was written; run the command as its owner"), err);
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(4242, Files.getAttribute(file, "unix:uid"));
        assertEquals(List.of(), tempFiles());
    }
}
