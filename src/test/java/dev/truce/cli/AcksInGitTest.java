package dev.truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.testing.TruceFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acks travel with the repository: two clones of one bare remote each ack, push and pull, and git merges acks.yaml
 * with the repository's own .gitattributes (merge=union) into one valid list that both clones' `check` and `alert`
 * honour. The git command line, since the union driver is git's; isolated from any user or system configuration.
 */
class AcksInGitTest {
    private static final String WEEK_BEFORE = TruceFixture.WEEK_BEFORE;

    @TempDir
    Path dir;

    private Path a;
    private Path b;

    @BeforeEach
    void twoClonesOfOneRemote() throws Exception {
        Path origin = dir.resolve("origin.git");
        git(dir, "init", "-q", "--bare", "-b", "main", origin.toString());
        a = Files.createDirectory(dir.resolve("a"));
        git(a, "init", "-q", "-b", "main");
        TruceFixture.writeDefault(a);
        Files.copy(Path.of(".gitattributes"), a.resolve(".gitattributes"));
        Files.copy(Path.of("acks.yaml"), a.resolve("acks.yaml"));
        git(a, "add", ".");
        git(a, "commit", "-q", "-m", "the truce");
        git(a, "remote", "add", "origin", origin.toString());
        git(a, "push", "-q", "-u", "origin", "main");
        git(dir, "clone", "-q", origin.toString(), "b");
        b = dir.resolve("b");
    }

    private static CliRunner truce(Path clone, String user) {
        return new CliRunner(clone).at(WEEK_BEFORE).env(Map.of("LOGNAME", user));
    }

    private static void ok(CliRunner.Result run) {
        assertEquals(0, run.exitCode(), run::toString);
    }

    private static void commitAndPush(Path clone, String message) throws Exception {
        git(clone, "commit", "-q", "-am", message);
        git(clone, "pull", "-q", "--no-rebase", "--no-edit");
        git(clone, "push", "-q");
    }

    @Test
    void anAckInEachCloneMergesIntoOneListThatBothHonour() throws Exception {
        ok(truce(a, "ana").run("ack", "us-tariff", "--reason", "raised with USTR"));
        // the same obligation acked in the other clone too, one minute later: their lines share the most
        ok(truce(b, "bo").at("2026-06-23T11:01:00Z").run("ack", "us-tariff", "--reason", "raised with USTR, again"));
        ok(truce(b, "bo").at("2026-06-23T11:01:00Z").run("ack", "cn-licences", "--reason", "talks on licences"));
        CliRunner.Result before = truce(a, "ana").env(TruceFixture.smtpAt(1)).run("alert", "--dry-run");
        assertTrue(before.out().contains("To: licences@example.com"), "a does not know b's ack yet: " + before);

        commitAndPush(a, "ack us-tariff");
        commitAndPush(b, "ack us-tariff and cn-licences");   // pulls a's ack: a merge of acks.yaml
        git(a, "pull", "-q", "--no-rebase", "--no-edit");

        assertTrue(git(b, "log", "--format=%s", "-1").startsWith("Merge branch 'main'"), "b merged, not fast-forwarded");
        String merged = Files.readString(a.resolve("acks.yaml"));
        assertEquals(merged, Files.readString(b.resolve("acks.yaml")));
        assertFalse(merged.contains("<<<<<<<") || merged.contains(">>>>>>>"), merged);
        // the union keeps the lines of both sides, the merging clone's first: the times, not the order, say which came first
        assertEquals(List.of("us-tariff, acked: 2026-06-23T11:01:00Z", "cn-licences, acked: 2026-06-23T11:01:00Z",
                "us-tariff, acked: 2026-06-23T11:00:00Z"), entries(merged));
        for (Path clone : List.of(a, b)) {
            CliRunner truce = truce(clone, "cy").at("2026-06-23T11:05:00Z");
            CliRunner.Result validate = truce.run("validate");
            ok(validate);
            assertTrue(validate.out().contains(", 3 ack entries (acks.yaml), "), validate::toString);
            assertEquals("", validate.err(), validate::toString);
            CliRunner.Result check = truce.run("check", "--warning", "30", "--alert-max-age", "0");
            assertEquals(0, check.exitCode(), check::toString);
            assertTrue(check.out().contains("2 acked obligations counted as OK: us-tariff, cn-licences"), check::toString);
            CliRunner.Result alert = truce.env(TruceFixture.smtpAt(1)).run("alert", "--dry-run");
            ok(alert);
            assertEquals("", alert.out(), "both acks silence both obligations in " + clone + ": " + alert);
            assertTrue(truce.run("status").out().contains("us-tariff: acked by bo on 2026-06-23, until its compliance "
                    + "or deadline changes: raised with USTR, again"), "the newest ack of us-tariff is b's");
        }
    }

    @Test
    void aLiftInOneCloneAndAnAckInTheOtherMergeAndTheLiftHolds() throws Exception {
        ok(truce(a, "ana").run("ack", "us-tariff", "--reason", "raised with USTR"));
        commitAndPush(a, "ack");
        git(b, "pull", "-q", "--no-rebase", "--no-edit");
        ok(truce(a, "ana").at("2026-06-23T12:00:00Z").run("ack", "lift", "us-tariff", "--reason", "answered"));
        ok(truce(b, "bo").at("2026-06-23T12:30:00Z").run("ack", "cn-licences", "--reason", "talks"));
        commitAndPush(a, "lift");
        commitAndPush(b, "ack cn-licences");
        git(a, "pull", "-q", "--no-rebase", "--no-edit");
        for (Path clone : List.of(a, b)) {
            CliRunner.Result check = truce(clone, "cy").at("2026-06-23T13:00:00Z").run("check", "--warning", "30", "--alert-max-age", "0");
            assertEquals(1, check.exitCode(), "us-tariff's ack was lifted, cn-licences is acked: " + check);
            assertTrue(check.out().contains("1 acked obligation counted as OK: cn-licences"), check::toString);
        }
    }

    @Test
    void twoClonesThatEachCreatedTheFileStillMergeIntoOneValidList() throws Exception {
        // a desk without the shipped acks.yaml: both clones create it, and git merges two added files
        git(a, "rm", "-q", "acks.yaml");
        git(a, "commit", "-q", "-m", "no acks file yet");
        git(a, "push", "-q");
        git(b, "pull", "-q", "--no-rebase", "--no-edit");
        ok(truce(a, "ana").run("ack", "us-tariff", "--reason", "raised with USTR"));
        ok(truce(b, "bo").run("ack", "cn-licences", "--reason", "talks"));
        git(a, "add", "acks.yaml");
        git(b, "add", "acks.yaml");
        commitAndPush(a, "ack us-tariff");
        commitAndPush(b, "ack cn-licences");
        String merged = Files.readString(b.resolve("acks.yaml"));
        assertEquals(List.of("cn-licences, acked: 2026-06-23T11:00:00Z", "us-tariff, acked: 2026-06-23T11:00:00Z"),
                entries(merged));
        CliRunner.Result check = truce(b, "cy").run("check", "--warning", "30", "--alert-max-age", "0");
        assertEquals(0, check.exitCode(), check::toString);
        ok(truce(b, "cy").run("validate"));
    }

    /**
     * Why acks are written one per line, and why .gitattributes leaves evidence.yaml to git's normal merge: two
     * evidence entries appended in two clones, union-merged, become one entry with its keys twice (the lines they
     * share anchor the merge), which the reader refuses; the same two acks merge whole.
     */
    @Test
    void aUnionMergeInterleavesMultiLineEntriesButKeepsOneLineEntriesWhole() throws Exception {
        assertFalse(Files.readString(Path.of(".gitattributes")).lines().anyMatch(l -> l.startsWith("evidence.yaml")));
        Path base = Files.writeString(dir.resolve("base.yaml"), "");
        for (String log : List.of("evidence", "ack")) {
            Path ours = dir.resolve("ours");
            Path theirs = dir.resolve("theirs");
            for (Path side : List.of(ours, theirs)) {
                Files.createDirectories(side);
                TruceFixture.writeDefault(side);
                Files.deleteIfExists(side.resolve("acks.yaml"));
            }
            List<String> add = log.equals("evidence")
                    ? List.of("evidence", "add", "us-tariff", "--stance", "complies", "--claimant", "US", "--basis", "act",
                            "--date", "2026-06-01", "--source", "SOURCE")
                    : List.of("ack", "us-tariff", "--reason", "SOURCE");
            String file = log.equals("evidence") ? "evidence.yaml" : "acks.yaml";
            ok(truce(ours, "ana").run(add.stream().map(w -> w.equals("SOURCE") ? "Federal Register" : w)
                    .toArray(String[]::new)));
            ok(truce(theirs, "bo").at("2026-06-23T11:01:00Z").run(add.stream()
                    .map(w -> w.equals("SOURCE") ? "USTR notice" : w).toArray(String[]::new)));
            String created = Files.readString(ours.resolve(file));
            Files.writeString(base, created.substring(0, created.indexOf("\n- ") + 1)); // the header both started from
            String merged = git(dir, "merge-file", "-p", "--union", ours.resolve(file).toString(), base.toString(),
                    theirs.resolve(file).toString());
            Files.writeString(ours.resolve(file), merged);
            CliRunner.Result validate = truce(ours, "cy").at("2026-06-23T11:05:00Z").run("validate");
            if (log.equals("evidence")) {
                assertEquals(2, validate.exitCode(), "interleaved into one entry:\n" + merged + validate);
                assertTrue(validate.err().contains("duplicate"), validate::toString);
            } else {
                assertEquals(0, validate.exitCode(), merged + validate);
                assertTrue(validate.out().contains(", 2 ack entries (acks.yaml), "), validate::toString);
            }
            for (Path side : List.of(ours, theirs)) {
                try (var files = Files.walk(side)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** "obligation, acked: ..." of each entry line, in file order. */
    private static List<String> entries(String acks) {
        return acks.lines().filter(l -> l.startsWith("- {obligation: "))
                .map(l -> l.substring("- {obligation: ".length(), l.indexOf(',', l.indexOf(',') + 1))).toList();
    }

    /** Runs git in {@code where} with no configuration but this test's, and a fixed identity and time. */
    private static String git(Path where, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(where.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("GIT_"));
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("HOME", where.toString());
        env.put("GIT_AUTHOR_NAME", "Desk");
        env.put("GIT_AUTHOR_EMAIL", "desk@example.com");
        env.put("GIT_COMMITTER_NAME", "Desk");
        env.put("GIT_COMMITTER_EMAIL", "desk@example.com");
        env.put("GIT_AUTHOR_DATE", "2026-06-23T12:00:00Z");
        env.put("GIT_COMMITTER_DATE", "2026-06-23T12:00:00Z");
        Process git = builder.start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(git.waitFor(60, TimeUnit.SECONDS), "git " + args[0] + " did not finish");
        assertEquals(0, git.exitValue(), "git " + String.join(" ", args) + " in " + where + ":\n" + output);
        return output;
    }
}
