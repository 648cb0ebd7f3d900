package dev.truce.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.TruceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Writing a person's file: through links, keeping its mode and owner, never over someone else's change. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EditedFileTest {
    private static final String LABEL = "obligations.yaml";

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("obligations.yaml"), content);
    }

    private static String text(Path path) throws IOException {
        return Files.readString(path);
    }

    private List<String> tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    private static TruceException refused(Path path) {
        return assertThrows(TruceException.class, () -> EditedFile.lock(path, LABEL, EditedFile.Listener.NONE).close());
    }

    @Test
    void replacesTheContentAndReadsItUnderTheLock() throws IOException {
        Path path = file("old\n");
        List<String> heard = new CopyOnWriteArrayList<>();
        try (EditedFile edited = EditedFile.lock(path, LABEL, recording(heard))) {
            assertTrue(Files.exists(dir.resolve(".obligations.yaml.lock")), "the sidecar lock beside the file");
            assertEquals("old\n", new String(edited.bytes(), StandardCharsets.UTF_8));
            edited.replace("new\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("new\n", new String(edited.bytes(), StandardCharsets.UTF_8));
            edited.replace("newer\n".getBytes(StandardCharsets.UTF_8)); // compared with what it wrote itself
        }
        assertEquals("newer\n", text(path));
        assertEquals("locked", heard.get(0));
        assertTrue(heard.get(1).startsWith("before-rename .obligations.yaml."), heard.toString());
        assertEquals(List.of(), tempFiles());
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws IOException {
        Path real = Files.createDirectory(dir.resolve("shared")).resolve("obligations.yaml");
        Files.writeString(real, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("obligations.yaml"), Path.of("shared", "obligations.yaml"));
        try (EditedFile edited = EditedFile.lock(link, LABEL, EditedFile.Listener.NONE)) {
            assertEquals(real.toRealPath(), edited.target());
            edited.replace("new\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("shared", "obligations.yaml"), Files.readSymbolicLink(link));
        assertEquals("new\n", text(real));
        assertTrue(Files.exists(real.resolveSibling(".obligations.yaml.lock")), "locked beside the real file");
        assertFalse(Files.exists(dir.resolve(".obligations.yaml.lock")));
    }

    @Test
    void theModeAndTheOwnerAreKept() throws IOException {
        Path path = file("old\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r-----"));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) { // only root can give a file away: then it must give the new file to the same owner
            Files.setAttribute(path, "unix:uid", 4242);
            Files.setAttribute(path, "unix:gid", 4343);
        }
        Object uid = Files.getAttribute(path, "unix:uid");
        Object gid = Files.getAttribute(path, "unix:gid");
        try (EditedFile edited = EditedFile.lock(path, LABEL, EditedFile.Listener.NONE)) {
            edited.replace("new\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("new\n", text(path));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        assertEquals(uid, Files.getAttribute(path, "unix:uid"));
        assertEquals(gid, Files.getAttribute(path, "unix:gid"));
    }

    @Test
    void aFileWithASecondHardLinkIsRefused() throws IOException {
        Path path = file("old\n");
        Files.createLink(dir.resolve("copy.yaml"), path);
        assertEquals(List.of("obligations.yaml: has 2 hard links; writing a new file in its place would leave the old "
                + "text under the other names, so truce does not write it (copy it to a file of its own)"), refused(path).lines());
        assertEquals("old\n", text(path));
    }

    @Test
    void aHardLinkMadeAfterTheLockStopsTheWrite() throws IOException {
        Path path = file("old\n");
        try (EditedFile edited = EditedFile.lock(path, LABEL, EditedFile.Listener.NONE)) {
            Files.createLink(dir.resolve("copy.yaml"), path);
            assertThrows(TruceException.class, () -> edited.replace("new\n".getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals("old\n", text(path));
        assertEquals(List.of(), tempFiles());
    }

    @Test
    void whatIsNotARegularFileIsRefused() throws IOException {
        assertEquals(List.of("obligations.yaml: no such file"), refused(dir.resolve("missing.yaml")).lines());
        assertEquals(List.of("obligations.yaml: is a link to a file that does not exist"),
                refused(Files.createSymbolicLink(dir.resolve("dangling.yaml"), dir.resolve("missing.yaml"))).lines());
        assertEquals(List.of("obligations.yaml: is a directory, not a file"), refused(dir).lines());
        assertEquals(List.of("obligations.yaml: is not a regular file (truce never writes a FIFO, a device or a socket)"),
                refused(Files.createSymbolicLink(dir.resolve("device.yaml"), Path.of("/dev/null"))).lines());
    }

    @Test
    void aChangeMadeBySomeoneElseSinceTheReadIsNeverOverwritten() throws IOException {
        Path path = file("old\n");
        try (EditedFile edited = EditedFile.lock(path, LABEL, EditedFile.Listener.NONE)) {
            edited.bytes();
            Files.writeString(path, "a colleague's edit\n"); // an editor saving: it takes no lock
            TruceException e = assertThrows(TruceException.class,
                    () -> edited.replace("new\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(TruceException.Cause.FAILURE, e.kind());
            assertEquals(List.of("obligations.yaml: changed since it was read: nothing was written; run the command again"),
                    e.lines());
        }
        assertEquals("a colleague's edit\n", text(path));
        assertEquals(List.of(), tempFiles());
    }

    @Test
    void aSecondWriterWaitsForTheLockThenSeesTheFirstOnesChange() throws Exception {
        Path path = file("v0\n");
        CountDownLatch firstLocked = new CountDownLatch(1);
        CountDownLatch secondWaiting = new CountDownLatch(1);
        List<String> heard = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> {
                try (EditedFile edited = EditedFile.lock(path, LABEL, EditedFile.Listener.NONE)) {
                    firstLocked.countDown();
                    secondWaiting.await();
                    edited.replace(append(edited.bytes(), "first\n"));
                }
                return null;
            });
            firstLocked.await();
            Future<String> second = threads.submit(() -> {
                EditedFile.Listener listener = recording(heard);
                try (EditedFile edited = EditedFile.lock(path, LABEL, new EditedFile.Listener() {
                    @Override
                    public void waiting(Path lockFile) {
                        listener.waiting(lockFile);
                        secondWaiting.countDown();
                    }

                    @Override
                    public void locked() {
                        listener.locked();
                    }
                })) {
                    String seen = new String(edited.bytes(), StandardCharsets.UTF_8);
                    edited.replace(append(edited.bytes(), "second\n"));
                    return seen;
                }
            });
            first.get();
            assertEquals("v0\nfirst\n", second.get());
        } finally {
            threads.shutdownNow();
        }
        assertEquals("v0\nfirst\nsecond\n", text(path));
        assertEquals(List.of("waiting .obligations.yaml.lock", "locked"), heard);
    }

    @Test
    void theNextLockRemovesTemporaryFilesThatAKilledWriterLeft() throws IOException {
        Path path = file("old\n");
        Path leftover = Files.writeString(dir.resolve(".obligations.yaml." + UUID.randomUUID() + ".tmp"), "half");
        Path someoneElses = Files.writeString(dir.resolve(".obligations.yaml.notes.tmp"), "mine");
        Path otherFiles = Files.writeString(dir.resolve(".evidence.yaml." + UUID.randomUUID() + ".tmp"), "theirs");
        EditedFile.lock(path, LABEL, EditedFile.Listener.NONE).close();
        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(someoneElses));
        assertTrue(Files.exists(otherFiles));
    }

    @Test
    void nothingIsWrittenOnceTheLockIsReleased() throws IOException {
        Path path = file("old\n");
        EditedFile edited = EditedFile.lock(path, LABEL, EditedFile.Listener.NONE);
        edited.close();
        edited.close();
        assertThrows(IllegalStateException.class, () -> edited.replace(new byte[0]));
        assertArrayEquals("old\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(path));
        EditedFile.lock(path, LABEL, EditedFile.Listener.NONE).close(); // and the lock is free again
    }

    private static byte[] append(byte[] content, String line) {
        return (new String(content, StandardCharsets.UTF_8) + line).getBytes(StandardCharsets.UTF_8);
    }

    private static EditedFile.Listener recording(List<String> heard) {
        return new EditedFile.Listener() {
            @Override
            public void waiting(Path lockFile) {
                heard.add("waiting " + lockFile.getFileName());
            }

            @Override
            public void locked() {
                heard.add("locked");
            }

            @Override
            public void beforeRename(Path temp) {
                heard.add("before-rename " + temp.getFileName());
            }
        };
    }
}
