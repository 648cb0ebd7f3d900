package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.testing.GitRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * `truce changes` in a shallow clone (git clone --depth N): the history before the clone's first commit is not
 * there, so a range that reaches past it is told from that commit on, and what came before is said to be not
 * known, instead of every obligation being "added" by the first commit the clone has.
 */
class ChangesShallowCloneTest {
    @TempDir
    Path dir;

    GitRepo repo;
    String c0;
    String c1;
    String c2;
    String c3;
    String c4;
    String c5;
    CliRunner truce;

    /** The history of ChangesCommandTest; the clone holds c3 (2026-06-19) and after, as `git clone --depth 3` would. */
    @BeforeEach
    void shallowHistory() {
        repo = GitRepo.init(dir);
        c0 = repo.write("obligations.yaml", ChangesCommandTest.OBLIGATIONS).write("evidence.yaml", ChangesCommandTest.EVIDENCE)
                .commit("The truce", "Alice", "2026-06-01T14:00:00Z");
        c1 = repo.edit("obligations.yaml", "due: 2026-06-30", "due: 2026-07-15")
                .commit("Correct the tariff's date", "Bob", "2026-06-10T14:00:00Z");
        c2 = repo.edit("obligations.yaml", "    due: 2026-07-15T00:01-04:00\n", """
                    due: 2026-07-15T00:01-04:00
                    extensions:
                      - decided: 2026-06-16
                        until: 2026-08-15T00:01-04:00
                        source: MOFCOM No. 9
                """).commit("Licences extended", "Alice", "2026-06-17T14:00:00Z");
        c3 = repo.edit("obligations.yaml", "    due: 2026-07-15\n", """
                    due: 2026-07-15
                    outcome:
                      result: permanent
                      decided: 2026-06-18
                      source: EO 5
                """).commit("Tariff made permanent", "Carol", "2026-06-19T14:00:00Z");
        c4 = repo.edit("obligations.yaml", "title: Issue the licences", "title: Issue all the licences")
                .commit("Title", "Bob", "2026-06-21T14:00:00Z");
        c5 = repo.edit("obligations.yaml", """
                  - id: open-thing
                    title: Keep talking
                    party: joint
                    kind: other
                    due: none
                """, "").commit("Talks are over", "Alice", "2026-06-22T14:00:00Z");
        repo.append("evidence.yaml", """
                - obligation: cn-licences
                  date: 2026-06-23
                  stance: breaches
                  claimant: US
                  basis: report
                  source: Desk note
                """);
        for (String older : List.of(c0, c1, c2)) {
            assertTrue(Files.isRegularFile(repo.looseObject(older)), "JGit wrote the commit loose");
        }
        repo.shallowAt(c3, c0, c1, c2);
        truce = new CliRunner(dir).at("2026-06-23T16:00:00Z");
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private static String at(String id) {
        return id.substring(0, 7);
    }

    private String note() {
        return "truce changes: the history before commit " + at(c3) + " (2026-06-19 10:00 EDT) is not in this clone (a "
                + "shallow clone; git fetch --unshallow brings it): what changed up to that commit is not known; listed is "
                + "what changed after it\n";
    }

    @Test
    void aDateBeforeTheCloneStartsListsWhatIsKnownAndSaysTheRestIsNot() {
        CliRunner.Result r = truce.run("changes", "--since", "2026-06-16");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                Changes since commit %s (2026-06-19 10:00 EDT), where this shallow clone's history starts, to the working tree; what changed up to it (since 2026-06-16) is not known

                WHEN                  BY     COMMIT   ID           CHANGE
                2026-06-21 10:00 EDT  Bob    %s  cn-licences  title: Issue the licences → Issue all the licences
                2026-06-22 10:00 EDT  Alice  %s  open-thing   removed: Keep talking
                uncommitted           -      -        cn-licences  evidence added: 2026-06-23: US says breaches (report), Desk note
                """.formatted(at(c3), at(c4), at(c5)), r.out(), "no obligation 'added' by the clone's first commit");
        assertEquals(note(), r.err());

        JsonNode json = new ObjectMapper().readTree(truce.run("changes", "--since", "2026-06-16", "--format", "json").out());
        assertEquals("date", json.get("since").get("kind").asString());
        assertTrue(json.get("since").get("commit").isNull(), "no commit of the clone stood at that date");
        assertEquals(c3, json.get("shallow_start").get("commit").asString());
        assertEquals("2026-06-19T10:00-04:00", json.get("shallow_start").get("commit_time").asString());
        List<String> kinds = new ArrayList<>();
        json.get("changes").forEach(c -> kinds.add(c.get("kind").asString() + " " + c.get("id").asString()));
        assertEquals(List.of("title-edited cn-licences", "removed open-thing", "evidence-added cn-licences"), kinds);

        CliRunner.Result markdown = truce.run("changes", "--since", "2026-06-16", "--format", "markdown");
        assertTrue(markdown.out().startsWith("**Changes since commit " + at(c3) + " (2026-06-19 10:00 EDT), where this "
                + "shallow clone's history starts, to the working tree; what changed up to it (since 2026-06-16) is not "
                + "known**\n"), markdown::toString);
    }

    @Test
    void aDateTheCloneReachesIsComparedAsInAWholeClone() {
        CliRunner.Result r = truce.run("changes", "--since", "2026-06-20", "--format", "csv");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err());
        assertEquals(4, r.out().lines().count(), r::toString);
        assertTrue(truce.run("changes", "--since", "2026-06-20").out()
                .startsWith("Changes since 2026-06-20 (commit " + at(c3) + ", 2026-06-19 10:00 EDT) to the working tree\n"));
        CliRunner.Result revision = truce.run("changes", "--since", "HEAD~2");
        assertEquals(0, revision.exitCode(), revision::toString);
        assertEquals("", revision.err());
        assertTrue(revision.out().startsWith("Changes since HEAD~2 (commit " + at(c3) + ", 2026-06-19 10:00 EDT)"),
                revision::toString);
    }

    @Test
    void aRevisionBeforeTheCloneStartsIsBadInputThatSaysTheCloneIsShallow() {
        String shallow = "; the history before commit " + at(c3) + " (2026-06-19 10:00 EDT) is not in this clone (a "
                + "shallow clone; git fetch --unshallow brings it)\n";
        CliRunner.Result parent = truce.run("changes", "--since", "HEAD~3");
        assertEquals(2, parent.exitCode(), parent::toString);
        assertEquals("", parent.out());
        assertEquals("truce changes: --since: 'HEAD~3' is not a revision of this repository nor a date (YYYY-MM-DD, or a "
                + "date-time with offset)" + shallow, parent.err());
        CliRunner.Result gone = truce.run("changes", "--since", c1);
        assertEquals(2, gone.exitCode(), gone::toString);
        assertEquals("truce changes: --since: '" + c1 + "' is not a revision of this repository nor a date (YYYY-MM-DD, "
                + "or a date-time with offset)" + shallow, gone.err(), "a commit the clone does not have is not damage");
    }

    @Test
    void theFirstRunsWindowReachingPastTheCloneSaysSoAndTheNextRunIsWhole() {
        Map<String, String> ana = Map.of("USER", "ana");
        CliRunner.Result first = truce.env(ana).at("2026-06-19T20:00:00Z").run("changes");
        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(first.out().startsWith("Changes since commit " + at(c3) + " (2026-06-19 10:00 EDT), where this shallow "
                + "clone's history starts, to the working tree; what changed up to it (in the last 24 hours, since "
                + "2026-06-18 16:00 EDT) is not known\n"), first::toString);
        assertEquals(note(), first.err());
        CliRunner.Result second = truce.env(ana).at("2026-06-23T16:00:00Z").run("changes");
        assertEquals(0, second.exitCode(), second::toString);
        assertEquals("", second.err());
        assertTrue(second.out().startsWith("Changes since your last run at 2026-06-19 16:00 EDT (commit " + at(c5)
                + ", 2026-06-22 10:00 EDT) to the working tree"), second::toString);
    }

    @Test
    void theBriefingSaysWhereTheClonesHistoryStarts() {
        CliRunner.Result r = truce.run("report", "--since", "2026-06-16");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("<h2>What changed since commit " + at(c3) + " (19 Jun 2026, 10:00 EDT), where this "
                + "shallow clone&#39;s history starts</h2>\n<p class=\"unknown\">What changed up to that commit is not "
                + "known: the history before it is not in this clone (git fetch --unshallow brings it).</p>"), r.out());
        assertTrue(r.out().contains("open-thing: removed: Keep talking"), r.out());
        assertFalse(r.out().contains("added: Suspend the tariff"), "the clone's first commit added nothing");
    }

    /** The same with a clone git itself made, where git is installed (the test above needs no git). */
    @Test
    void aCloneMadeByGitWithDepthIsToldTheSameWay(@TempDir Path other) throws Exception {
        Assumptions.assumeTrue(gitInstalled(), "git is not installed: the shallow clone made by hand is tested above");
        Path source = Files.createDirectories(other.resolve("source"));
        try (GitRepo whole = GitRepo.init(source)) {
            whole.write("obligations.yaml", ChangesCommandTest.OBLIGATIONS).write("evidence.yaml", ChangesCommandTest.EVIDENCE)
                    .commit("The truce", "Alice", "2026-06-01T14:00:00Z");
            whole.edit("obligations.yaml", "title: Issue the licences", "title: Issue all the licences")
                    .commit("Title", "Bob", "2026-06-21T14:00:00Z");
            whole.edit("obligations.yaml", "title: Suspend the tariff", "title: Suspend the 24-point tariff")
                    .commit("Title", "Bob", "2026-06-22T14:00:00Z");
        }
        Path clone = other.resolve("clone");
        git(other, "clone", "-q", "--depth", "2", source.toUri().toString(), clone.toString());
        assertTrue(Files.isRegularFile(clone.resolve(".git/shallow")));
        CliRunner.Result r = new CliRunner(clone).at("2026-06-23T16:00:00Z").run("changes", "--since", "2026-06-16");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("Changes since commit "), r::toString);
        assertTrue(r.out().contains("where this shallow clone's history starts"), r::toString);
        assertTrue(r.out().contains("title: Suspend the tariff → Suspend the 24-point tariff"), r::toString);
        assertFalse(r.out().contains("added"), r::toString);
        assertTrue(r.err().contains("is not in this clone (a shallow clone; git fetch --unshallow brings it)"), r::toString);
    }

    private static boolean gitInstalled() {
        try {
            return new ProcessBuilder("git", "--version").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void git(Path in, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "git " + String.join(" ", args) + " did not finish");
        assertEquals(0, process.exitValue(), "git " + String.join(" ", args) + ": " + output);
    }
}
