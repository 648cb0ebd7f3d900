package dev.truce.testing;

import dev.truce.history.GitHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A real git repository in a test folder, made with JGit: files written, then committed with a fixed author,
 * committer and time, so commit ids and times are the same on every run.
 */
public final class GitRepo implements AutoCloseable {
    private final Git git;
    private final Path dir;

    private GitRepo(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    public static GitRepo init(Path dir) {
        GitHistory.isolate(); // no user or system git configuration, and nothing written to the home folder
        try {
            return new GitRepo(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public GitRepo write(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} by {@code to} in a file; the text must be there. */
    public GitRepo edit(String name, String from, String to) {
        try {
            String text = Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(name + " does not contain " + from);
            }
            return write(name, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public GitRepo append(String name, String text) {
        try {
            return write(name, Files.readString(dir.resolve(name), StandardCharsets.UTF_8) + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stages every file (removals too) and commits as {@code author} at {@code instant}; returns the commit id. */
    public String commit(String message, String author, String instant) {
        PersonIdent who = new PersonIdent(author, author.toLowerCase() + "@example.com", Instant.parse(instant),
                ZoneId.of("UTC"));
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call().getId().name();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the commit HEAD names. */
    public String head() {
        try {
            return git.getRepository().resolve("HEAD").name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id of the object a revision names ("HEAD~1", "HEAD:obligations.yaml", "HEAD~1^{tree}"). */
    public String id(String revision) {
        try {
            return git.getRepository().resolve(revision).name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where git keeps a loose object: .git/objects/1a/2b3c... (JGit writes every object loose until a gc). */
    public Path looseObject(String id) {
        return dir.resolve(".git/objects").resolve(id.substring(0, 2)).resolve(id.substring(2));
    }

    /**
     * Makes this repository what `git clone --depth N` leaves: .git/shallow names {@code boundary}, whose parents
     * the clone does not have, and the older commits' objects are gone (their trees and blobs may stay: a later
     * commit may share them).
     */
    public GitRepo shallowAt(String boundary, String... olderCommits) {
        try {
            Files.writeString(dir.resolve(".git/shallow"), boundary + "\n", StandardCharsets.US_ASCII);
            for (String older : olderCommits) {
                Files.delete(looseObject(older));
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Packs every object into one pack, as `git gc` does; returns the pack file. */
    public Path gc() {
        try {
            git.gc().setAggressive(false).call();
            try (var packs = Files.list(dir.resolve(".git/objects/pack"))) {
                return packs.filter(p -> p.getFileName().toString().endsWith(".pack")).findFirst().orElseThrow();
            }
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
