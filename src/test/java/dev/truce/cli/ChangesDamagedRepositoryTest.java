package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.testing.GitRepo;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged git repository (an object missing or corrupt, a pack cut short, HEAD or its branch naming nothing) is
 * named as damaged, in one line, exit 1: never taken for "not committed" or for a history with nothing in it. The
 * briefing goes out all the same, saying that what changed is not known.
 */
class ChangesDamagedRepositoryTest {
    @TempDir
    Path dir;

    GitRepo repo;
    String c1;
    String c2;
    String c3;
    CliRunner truce;

    @BeforeEach
    void history() {
        repo = GitRepo.init(dir);
        repo.write("obligations.yaml", ChangesCommandTest.OBLIGATIONS).write("evidence.yaml", ChangesCommandTest.EVIDENCE)
                .commit("The truce", "Alice", "2026-06-01T14:00:00Z");
        c1 = repo.edit("obligations.yaml", "due: 2026-06-30", "due: 2026-07-15")
                .commit("Correct the tariff's date", "Bob", "2026-06-10T14:00:00Z");
        c2 = repo.edit("obligations.yaml", "title: Issue the licences", "title: Issue all the licences")
                .commit("Title", "Bob", "2026-06-21T14:00:00Z");
        c3 = repo.edit("obligations.yaml", "title: Keep talking", "title: Keep on talking")
                .commit("Title", "Carol", "2026-06-22T14:00:00Z");
        truce = new CliRunner(dir).at("2026-06-23T16:00:00Z");
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private String damaged(String what) {
        return "truce changes: the git repository at " + dir.resolve(".git") + " is damaged: " + what + "\n";
    }

    private CliRunner.Result sinceJune() {
        return truce.run("changes", "--since", "2026-06-05");
    }

    @Test
    void aCommitTheRangeNeedsThatIsMissingIsDamageNotHistory() throws IOException {
        Files.delete(repo.looseObject(c2));
        CliRunner.Result r = sinceJune();
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertEquals(damaged("Missing commit " + c2), r.err());
        CliRunner.Result revision = truce.run("changes", "--since", "HEAD~2");
        assertEquals(1, revision.exitCode(), revision::toString);
        assertEquals(damaged("Missing commit " + c2), revision.err(), "HEAD~2 leads through the missing commit");
        assertFalse(Files.exists(dir.resolve(".truce/changes-last-run-default")), "no bookmark moved past a failure");
    }

    @Test
    void aVersionsFileThatIsMissingIsDamageNotAVersionLeftOut() throws IOException {
        Files.delete(repo.looseObject(repo.id(c2 + ":obligations.yaml")));
        CliRunner.Result r = sinceJune();
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertEquals(damaged("Missing blob " + repo.id(c2 + ":obligations.yaml")), r.err());
    }

    @Test
    void aTreeThatIsMissingIsDamage() throws IOException {
        Files.delete(repo.looseObject(repo.id(c1 + "^{tree}")));
        CliRunner.Result r = sinceJune();
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(damaged("Missing tree " + repo.id(c1 + "^{tree}")), r.err());
    }

    @Test
    void aCorruptObjectIsDamageInOneLineAndItsTraceOnlyWithVerbose() throws IOException {
        Path object = repo.looseObject(c2);
        object.toFile().setWritable(true);
        Files.writeString(object, "not a zlib stream at all");
        CliRunner.Result r = sinceJune();
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith(damaged("").strip()), r::toString);
        assertTrue(r.err().contains(c2) && r.err().contains("corrupt"), r::toString);
        CliRunner.Result verbose = truce.run("--verbose", "changes", "--since", "2026-06-05");
        assertEquals(1, verbose.exitCode(), verbose::toString);
        assertTrue(verbose.err().startsWith(r.err()), verbose::toString);
        assertTrue(verbose.err().contains("\tat org.eclipse.jgit."), "--verbose shows where JGit failed");
    }

    @Test
    void aPackCutShortIsDamage() throws IOException {
        Path pack = repo.gc();
        try (RandomAccessFile file = new RandomAccessFile(pack.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        CliRunner.Result r = sinceJune();
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith(damaged("").strip()), r::toString);
    }

    @Test
    void aHeadThatIsNotARefIsDamageNotTheAbsenceOfGit() throws IOException {
        Files.writeString(dir.resolve(".git/HEAD"), "garbage\n");
        for (CliRunner.Result r : new CliRunner.Result[] {truce.run("changes"), sinceJune()}) {
            assertEquals(1, r.exitCode(), r::toString);
            assertEquals("", r.out());
            assertEquals(damaged("its HEAD names neither a commit nor a branch ('garbage')"), r.err());
        }
        assertFalse(Files.exists(dir.resolve(".truce/changes-snapshot-default.json")), "not taken for a folder without git");
        Files.delete(dir.resolve(".git/HEAD"));
        assertEquals(damaged("it has no HEAD file"), truce.run("changes").err());
    }

    @Test
    void aBranchWhoseFileHoldsNoCommitIsDamageNotNothingCommitted() throws IOException {
        Path branch = dir.resolve(".git/refs/heads/main");
        Files.writeString(branch, "");
        CliRunner.Result empty = truce.run("changes");
        assertEquals(1, empty.exitCode(), empty::toString);
        assertEquals(damaged("HEAD names refs/heads/main, whose file holds no commit id (it is empty)"), empty.err());
        Files.writeString(branch, "xyz\n");
        assertEquals(damaged("HEAD names refs/heads/main, whose file holds no commit id ('xyz')"), sinceJune().err());
        String nowhere = "1".repeat(40);
        Files.writeString(branch, nowhere + "\n");
        CliRunner.Result missing = sinceJune();
        assertEquals(1, missing.exitCode(), missing::toString);
        assertEquals(damaged("HEAD names commit " + nowhere + ", which cannot be found: Missing unknown " + nowhere),
                missing.err());
    }

    @Test
    void aRepositoryWithNoCommitYetIsStillNotCommitted() throws IOException {
        Path fresh = Files.createDirectories(dir.resolve("fresh"));
        try (GitRepo none = GitRepo.init(fresh)) {
            none.write("obligations.yaml", ChangesCommandTest.OBLIGATIONS);
        }
        CliRunner.Result r = new CliRunner(fresh).at("2026-06-23T16:00:00Z").run("changes");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("truce changes: obligations.yaml is not committed to git: comparing with the copy"),
                r::toString);
    }

    @Test
    void anEmptyDotGitFolderIsPassedOverAsGitDoes(@TempDir Path other) throws IOException {
        Files.createDirectories(other.resolve(".git"));
        Files.writeString(other.resolve("obligations.yaml"), ChangesCommandTest.OBLIGATIONS);
        CliRunner.Result r = new CliRunner(other).at("2026-06-23T16:00:00Z").run("changes");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("truce changes: obligations.yaml is not in a git repository: comparing with the copy"),
                r::toString);
    }

    @Test
    void theBriefingGoesOutSayingWhatChangedIsNotKnown() throws IOException {
        Files.delete(repo.looseObject(c2));
        CliRunner.Result r = truce.run("report", "--since", "2026-06-05");
        assertEquals(0, r.exitCode(), r::toString);
        String why = "the git repository at " + dir.resolve(".git") + " is damaged: Missing commit " + c2;
        assertEquals("truce: warning: what changed is not known: " + why + "\n", r.err());
        assertTrue(r.out().contains("<h2>What changed</h2>\n<p class=\"unknown\">Not known: " + why + ".</p>"), r.out());
        assertTrue(r.out().contains("us-tariff"), "the rest of the briefing is there");
        assertFalse(Files.exists(dir.resolve(".truce/briefing-last-run-default")), "the bookmark stays where it was");

        Files.writeString(dir.resolve(".git/HEAD"), "garbage\n");
        CliRunner.Result head = truce.run("report");
        assertEquals(0, head.exitCode(), head::toString);
        assertTrue(head.err().startsWith("truce: warning: what changed is not known: the git repository at "), head::toString);
        assertTrue(head.out().contains("its HEAD names neither a commit nor a branch (&#39;garbage&#39;)."), head.out());
    }

    @Test
    void aRepositoryThatReadsIsNotDamaged() {
        CliRunner.Result r = sinceJune();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err());
        assertTrue(r.out().contains(c3.substring(0, 7)), r::toString);
    }
}
