package dev.truce.history;

import dev.truce.domain.TruceException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * The history of files in a git repository, read with JGit (never by running git): which commit stood at a
 * moment, the commits since one, and a file's bytes as committed. Only the repository's own configuration
 * is read: JGit would otherwise run {@code git} to find the system configuration, and may write its own
 * configuration under the home folder.
 */
public final class GitHistory implements AutoCloseable {
    private final Repository repository;
    private final Path workTree;

    private GitHistory(Repository repository, Path workTree) {
        this.repository = repository;
        this.workTree = workTree;
    }

    /** One commit, as a desk names it: its id, who wrote it and when, and when it was committed. */
    public record Commit(String id, String author, Instant authored, Instant committed) {
        public String shortId() {
            return id.substring(0, 7);
        }
    }

    /** The repository whose work tree holds {@code directory}, if any (a bare repository has no files to compare). */
    public static Optional<GitHistory> open(Path directory) {
        isolate();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(directory.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try {
            Repository repository = builder.setMustExist(true).build();
            if (repository.isBare()) {
                repository.close();
                return Optional.empty();
            }
            return Optional.of(new GitHistory(repository, repository.getWorkTree().toPath().toRealPath()));
        } catch (IOException | IllegalArgumentException e) {
            throw TruceException.failure("cannot open the git repository at " + builder.getGitDir() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Keeps JGit to the repository itself: no system, user or JGit configuration (finding the system one
     * runs git; JGit may store settings in the home folder). Idempotent; tests that make repositories with
     * JGit call it first, so they are isolated the same way.
     */
    public static synchronized void isolate() {
        if (SystemReader.getInstance() instanceof RepositoryOnly) {
            return;
        }
        FS.DETECTED.setGitSystemConfig(null);
        SystemReader.setInstance(new RepositoryOnly(SystemReader.getInstance()));
    }

    private static final class RepositoryOnly extends SystemReader.Delegate {
        RepositoryOnly(SystemReader delegate) {
            super(delegate);
        }

        @Override
        public FileBasedConfig openUserConfig(Config parent, FS fs) {
            return empty(parent, fs);
        }

        @Override
        public FileBasedConfig openSystemConfig(Config parent, FS fs) {
            return empty(parent, fs);
        }

        @Override
        public FileBasedConfig openJGitConfig(Config parent, FS fs) {
            return empty(parent, fs);
        }

        private static FileBasedConfig empty(Config parent, FS fs) {
            return new FileBasedConfig(parent, null, fs) {
                @Override
                public void load() {
                    // nothing to read
                }

                @Override
                public void save() {
                    // nothing is written
                }

                @Override
                public boolean isOutdated() {
                    return false;
                }
            };
        }
    }

    /** The file's path in the repository ('/'-separated), or empty when it lies outside the work tree. */
    public Optional<String> pathOf(Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            Path parent = file.toAbsolutePath().normalize().getParent();
            try {
                real = parent.toRealPath().resolve(file.getFileName());
            } catch (IOException notThere) {
                return Optional.empty();
            }
        }
        if (!real.startsWith(workTree) || real.equals(workTree)) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        workTree.relativize(real).forEach(part -> parts.add(part.toString()));
        return Optional.of(String.join("/", parts));
    }

    /** The commit HEAD names; empty in a repository with no commit yet. */
    public Optional<Commit> head() {
        return resolve(Constants.HEAD);
    }

    /** The commit a revision names (HEAD~3, a tag, a short id, a branch); empty when it names none. */
    public Optional<Commit> resolve(String revision) {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(revision + "^{commit}");
            return id == null ? Optional.empty() : Optional.of(commit(walk.parseCommit(id)));
        } catch (RevisionSyntaxException | AmbiguousObjectException | IncorrectObjectTypeException
                 | MissingObjectException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * The newest commit at or before {@code instant} on the first-parent line from HEAD (the line the branch
     * moved along, merges counted when they were made); empty when HEAD's history starts later.
     */
    public Optional<Commit> at(Instant instant) {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve(Constants.HEAD);
            RevCommit commit = head == null ? null : walk.parseCommit(head);
            while (commit != null) {
                if (!commit.getCommitterIdent().getWhenAsInstant().isAfter(instant)) {
                    return Optional.of(commit(commit));
                }
                commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * The commits after {@code since} up to HEAD along the first-parent line, oldest first: each one is a
     * version of the branch as it stood, so comparing neighbours says which commit (or merge) made each
     * change. {@code since} empty: every commit from the first.
     */
    public List<Commit> after(Optional<Commit> since) {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) {
                return List.of();
            }
            walk.markStart(walk.parseCommit(head));
            if (since.isPresent()) {
                walk.markUninteresting(walk.parseCommit(ObjectId.fromString(since.get().id())));
            }
            Set<ObjectId> newer = new HashSet<>();
            for (RevCommit commit : walk) {
                newer.add(commit.copy());
            }
            walk.reset();
            List<Commit> line = new ArrayList<>();
            RevCommit commit = walk.parseCommit(head);
            while (commit != null && newer.contains(commit)) {
                line.add(commit(commit));
                commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
            }
            Collections.reverse(line);
            return line;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** The id of the file's content in a commit; empty when the commit has no such file. */
    public Optional<String> blobId(Commit commit, String path) {
        try (RevWalk walk = new RevWalk(repository);
             TreeWalk tree = TreeWalk.forPath(repository, path, walk.parseCommit(ObjectId.fromString(commit.id())).getTree())) {
            if (tree == null || (tree.getFileMode(0).getBits() & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
                return Optional.empty();
            }
            return Optional.of(tree.getObjectId(0).name());
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** The file's bytes as committed; empty when the commit has no such file. Larger than {@code maxBytes}: bad input. */
    public Optional<byte[]> read(Commit commit, String path, long maxBytes, String label) {
        Optional<String> blob = blobId(commit, path);
        if (blob.isEmpty()) {
            return Optional.empty();
        }
        try {
            ObjectLoader loader = repository.open(ObjectId.fromString(blob.get()), Constants.OBJ_BLOB);
            if (loader.getSize() > maxBytes) {
                throw TruceException.badInput(label + ": the file is " + (loader.getSize() >> 20) + " MB as committed, "
                        + "more than the " + (maxBytes >> 20) + " MB limit");
            }
            return Optional.of(loader.getBytes());
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private static Commit commit(RevCommit commit) {
        return new Commit(commit.getId().name(), commit.getAuthorIdent().getName(),
                commit.getAuthorIdent().getWhenAsInstant(), commit.getCommitterIdent().getWhenAsInstant());
    }

    private TruceException failure(IOException e) {
        return TruceException.failure("cannot read the git history in " + workTree + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        repository.close();
    }
}
