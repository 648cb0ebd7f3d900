package dev.truce.history;

import dev.truce.domain.TruceException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevWalkException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
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
    private final Path gitDirectory;
    private Optional<Commit> head;
    private Set<ObjectId> shallow;

    private GitHistory(Repository repository, Path workTree) {
        this.repository = repository;
        this.workTree = workTree;
        this.gitDirectory = repository.getDirectory().toPath();
    }

    /** One commit, as a desk names it: its id, who wrote it and when, and when it was committed. */
    public record Commit(String id, String author, Instant authored, Instant committed) {
        public String shortId() {
            return id.substring(0, 7);
        }
    }

    /**
     * The repository whose work tree holds {@code directory}, if any (a bare repository has no files to compare). A
     * folder named .git that git itself would not take for a repository (no HEAD, a HEAD that names nothing, no
     * objects folder) is a damaged repository, not the absence of one: {@link Unreadable}.
     */
    public static Optional<GitHistory> open(Path directory) {
        isolate();
        File start = directory.toAbsolutePath().toFile();
        damagedGitFolder(start);
        FileRepositoryBuilder builder;
        try {
            builder = new FileRepositoryBuilder().findGitDir(start);
        } catch (IllegalArgumentException e) { // a .git file whose "gitdir:" line JGit cannot read
            throw damaged(Optional.ofNullable(nearestDotGit(start)).orElse(start.toPath()), jgitSays(e), e);
        }
        if (builder.getGitDir() == null) {
            Path dotGit = nearestDotGit(start);
            if (dotGit != null && Files.isRegularFile(dotGit)) {
                throw damaged(dotGit, "the file names no git repository (" + firstLine(dotGit) + ")", null);
            }
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
            throw damaged(builder.getGitDir().toPath(), jgitSays(e), e);
        }
    }

    /**
     * Throws {@link Unreadable} when the nearest .git above {@code start} is a folder with a repository's parts in it
     * that is not a repository, which JGit would pass over (and then take a repository further up, or none).
     */
    private static void damagedGitFolder(File start) {
        for (File folder = start; folder != null; folder = folder.getParentFile()) {
            File dotGit = new File(folder, Constants.DOT_GIT);
            if (dotGit.isFile()) {
                return; // a linked work tree or a submodule: "gitdir: PATH", which JGit follows
            }
            if (!dotGit.isDirectory()) {
                if (RepositoryCache.FileKey.isGitRepository(folder, FS.DETECTED)) {
                    return; // a bare repository (or the inside of a .git folder): JGit decides
                }
                continue;
            }
            if (RepositoryCache.FileKey.isGitRepository(dotGit, FS.DETECTED)) {
                return;
            }
            Path git = dotGit.toPath();
            Path head = git.resolve(Constants.HEAD);
            if (!Files.exists(head) && !Files.exists(git.resolve(Constants.OBJECTS)) && !Files.exists(git.resolve("refs"))) {
                continue; // nothing of git in it (an empty folder): passed over, as git itself does
            }
            String what;
            if (!Files.isRegularFile(head)) {
                what = "it has no HEAD file";
            } else if (!Files.isDirectory(git.resolve(Constants.OBJECTS))) {
                what = "it has no objects folder";
            } else if (!Files.isDirectory(git.resolve("refs"))) {
                what = "it has no refs folder";
            } else {
                what = "its HEAD names neither a commit nor a branch (" + firstLine(head) + ")";
            }
            throw damaged(git, what, null);
        }
    }

    private static Path nearestDotGit(File start) {
        for (File folder = start; folder != null; folder = folder.getParentFile()) {
            File dotGit = new File(folder, Constants.DOT_GIT);
            if (dotGit.exists()) {
                return dotGit.toPath();
            }
        }
        return null;
    }

    /** The file's first line, quoted and cut short, for a message; or why it cannot be read. */
    private static String firstLine(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
            String line = text.lines().findFirst().orElse("").strip();
            if (line.isEmpty()) {
                return "it is empty";
            }
            line = line.replaceAll("\\p{Cntrl}", "?");
            return "'" + (line.length() > 60 ? line.substring(0, 60) + "..." : line) + "'";
        } catch (IOException e) {
            return "cannot be read: " + e.getMessage();
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

        /**
         * Empty but for one answer: the file system's timestamp resolution, which JGit otherwise measures the first
         * time it checks whether a folder changed (seconds of writing probe files into .git, on every run: it keeps
         * the result in the user configuration, which truce never writes). The answer is JGit's own fallback, 2 s,
         * the coarsest it assumes: a file changed within 2 s of being read counts as maybe changed, which only
         * costs a second look (truce reads a repository once, not a file it watches).
         */
        @Override
        public FileBasedConfig openUserConfig(Config parent, FS fs) {
            return new Empty(parent, fs) {
                @Override
                public long getTimeUnit(String section, String subsection, String name, long defaultValue,
                                        TimeUnit wantUnit) {
                    if (ConfigConstants.CONFIG_FILESYSTEM_SECTION.equals(section)
                            && ConfigConstants.CONFIG_KEY_TIMESTAMP_RESOLUTION.equals(name)) {
                        return wantUnit.convert(FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION);
                    }
                    return super.getTimeUnit(section, subsection, name, defaultValue, wantUnit);
                }
            };
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
            return new Empty(parent, fs);
        }

        /** A configuration with nothing in it that reads no file and writes none. */
        private static class Empty extends FileBasedConfig {
            Empty(Config parent, FS fs) {
                super(parent, null, fs);
            }

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

    /**
     * The commit HEAD names; empty in a repository with no commit yet. HEAD or its branch naming something that is
     * not there (a ref file cut short, a commit missing) is {@link Unreadable damage}, not an empty history.
     */
    public Optional<Commit> head() {
        if (head == null) {
            head = readHead();
        }
        return head;
    }

    private Optional<Commit> readHead() {
        ObjectId id = null;
        try (RevWalk walk = new RevWalk(repository)) {
            Ref ref = repository.exactRef(Constants.HEAD);
            if (ref == null) {
                throw damaged("HEAD names nothing", null);
            }
            id = ref.getObjectId();
            if (id == null) {
                Path branch = gitDirectory.resolve(ref.getTarget().getName());
                if (ref.isSymbolic() && Files.isRegularFile(branch)) {
                    throw damaged("HEAD names " + ref.getTarget().getName() + ", whose file holds no commit id ("
                            + firstLine(branch) + ")", null);
                }
                return Optional.empty(); // a branch with no commit yet
            }
            return Optional.of(commit(walk.parseCommit(id)));
        } catch (IncorrectObjectTypeException e) {
            throw damaged("HEAD names " + id.name() + ", which is not a commit", e);
        } catch (MissingObjectException e) {
            throw damaged("HEAD names commit " + id.name() + ", which cannot be found: " + jgitSays(e), e);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * The commit a revision names (HEAD~3, a tag, a short id, a branch); empty when it names none, or names an
     * object not in this repository. A revision that leads through a missing object on the way (HEAD~3 when HEAD~2
     * is gone) is {@link Unreadable damage}.
     */
    public Optional<Commit> resolve(String revision) {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(revision + "^{commit}");
            return id == null ? Optional.empty() : Optional.of(commit(walk.parseCommit(id)));
        } catch (RevisionSyntaxException | AmbiguousObjectException | IncorrectObjectTypeException e) {
            return Optional.empty();
        } catch (MissingObjectException e) {
            if (e.getObjectId() != null && e.getObjectId().name().startsWith(revision.toLowerCase(Locale.ROOT))) {
                return Optional.empty(); // the id typed is not in this repository
            }
            throw failure(e);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Where a comparison from a moment starts: the newest commit at or before it on the first-parent line from HEAD
     * ({@code commit}); or, when this clone is shallow and its history on that line stops after the moment, the
     * commit it stops at ({@code shallowStart}: what came before it is not in the clone). Both empty: HEAD's whole
     * history is newer than the moment (or there is no commit).
     */
    public record Reached(Optional<Commit> commit, Optional<Commit> shallowStart) {
    }

    /** The newest commit at or before {@code instant} on the first-parent line from HEAD, or where a shallow clone stops. */
    public Reached at(Instant instant) {
        Optional<Commit> start = head();
        if (start.isEmpty()) {
            return new Reached(Optional.empty(), Optional.empty());
        }
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(start.get().id()));
            while (commit.getCommitterIdent().getWhenAsInstant().isAfter(instant)) {
                if (commit.getParentCount() == 0) {
                    return new Reached(Optional.empty(), shallowCommits().contains(commit)
                            ? Optional.of(commit(commit)) : Optional.empty());
                }
                commit = walk.parseCommit(commit.getParent(0));
            }
            return new Reached(Optional.of(commit(commit)), Optional.empty());
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Where this clone's history on the first-parent line from HEAD stops when the clone is shallow (git clone
     * --depth): the commit whose parents it does not have. Empty when the clone is whole.
     */
    public Optional<Commit> shallowStart() {
        if (shallowCommits().isEmpty() || head().isEmpty()) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(head().get().id()));
            while (commit.getParentCount() > 0) {
                commit = walk.parseCommit(commit.getParent(0));
            }
            return shallowCommits().contains(commit) ? Optional.of(commit(commit)) : Optional.empty();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** The commits whose parents a shallow clone left out (.git/shallow); empty in a whole clone. */
    private Set<ObjectId> shallowCommits() {
        if (shallow == null) {
            try {
                shallow = repository.getObjectDatabase().getShallowCommits();
            } catch (IOException e) {
                throw failure(e);
            }
        }
        return shallow;
    }

    /**
     * The commits after {@code since} up to HEAD along the first-parent line, oldest first: each one is a
     * version of the branch as it stood, so comparing neighbours says which commit (or merge) made each
     * change. {@code since} empty: every commit from the first (in a shallow clone, from where it starts).
     */
    public List<Commit> after(Optional<Commit> since) {
        Optional<Commit> start = head();
        if (start.isEmpty()) {
            return List.of();
        }
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId head = ObjectId.fromString(start.get().id());
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
        } catch (RevWalkException e) { // the walk's iterator met a missing or corrupt commit
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

    /**
     * The repository could not be read as git would read it. Its message names the repository and says what JGit
     * said: "is damaged" for an object missing or corrupt, a pack cut short, a ref naming nothing; "cannot read" when
     * the system refused (permissions). A run-time failure (exit 1): never taken for "no history" or "not committed".
     */
    public static final class Unreadable extends TruceException {
        private static final long serialVersionUID = 1L;

        Unreadable(String message, Throwable underlying) {
            super(Cause.FAILURE, message, underlying);
        }
    }

    private static Unreadable damaged(Path gitDirectory, String what, Throwable underlying) {
        return new Unreadable("the git repository at " + gitDirectory + " is damaged: " + what, underlying);
    }

    private Unreadable damaged(String what, Throwable underlying) {
        return damaged(gitDirectory, what, underlying);
    }

    private Unreadable failure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException || String.valueOf(t.getMessage()).contains("Permission denied")) {
                return new Unreadable("cannot read the git repository at " + gitDirectory + ": " + jgitSays(e), e);
            }
        }
        return damaged(jgitSays(e), e);
    }

    /** What JGit said, with what it was caused by where that adds something ("Walk failure: Missing commit 1a2b..."). */
    private static String jgitSays(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null || message.isBlank()) {
                continue;
            }
            String part = message.strip().replaceAll("[.\\s]+$", "");
            if (parts.stream().noneMatch(p -> p.contains(part))) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", parts);
    }

    @Override
    public void close() {
        repository.close();
    }
}
