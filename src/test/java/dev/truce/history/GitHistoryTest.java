package dev.truce.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.testing.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What GitHistory keeps JGit from doing: reading or writing configuration outside the repository, measuring the disk. */
class GitHistoryTest {
    @TempDir
    Path dir;

    /**
     * JGit measures a file system's timestamp resolution the first time it checks whether a folder changed, writing
     * probe files for seconds, unless the user configuration records it; truce keeps no user configuration, so the
     * run of `truce changes` paid those seconds every time. The isolated configuration answers JGit's own fallback.
     */
    @Test
    void theTimestampResolutionIsAnsweredNotMeasured() throws Exception {
        GitHistory.isolate();
        Path folder = Files.createDirectories(dir.resolve("never-measured"));
        assertEquals(FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION,
                FS.FileStoreAttributes.get(folder).getFsTimestampResolution());
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(0, left.count(), "no probe file written");
        }
    }

    @Test
    void aRepositoryIsReadWithoutAnyConfigurationOutsideIt() throws Exception {
        try (GitRepo repo = GitRepo.init(dir)) {
            String id = repo.write("obligations.yaml", "version: 1\n").commit("One", "Alice", "2026-06-01T14:00:00Z");
            try (GitHistory git = GitHistory.open(dir).orElseThrow()) {
                assertEquals(id, git.head().orElseThrow().id());
                assertTrue(git.shallowStart().isEmpty(), "a whole clone");
                assertEquals("obligations.yaml", git.pathOf(dir.resolve("obligations.yaml")).orElseThrow());
            }
        }
    }
}
