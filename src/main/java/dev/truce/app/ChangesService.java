package dev.truce.app;

import dev.truce.state.StateFiles;
import dev.truce.app.ChangesReport.From;
import dev.truce.config.Settings;
import dev.truce.config.TruceFile;
import dev.truce.domain.Phrases;
import dev.truce.domain.TruceException;
import dev.truce.history.GitHistory;
import dev.truce.history.GitHistory.Commit;
import dev.truce.history.LastRun;

import dev.truce.history.TextSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * `truce changes`: what changed in obligations.yaml and its evidence file since a moment, a revision or the
 * user's last run. In git, the versions committed since then are compared one after the other, then the
 * working tree, so each change names the commit that made it. Without git history, the files are compared
 * with the copy this command keeps in the state folder at each run.
 */
public final class ChangesService {
    /** How far back the first run looks, when nothing says otherwise. */
    public static final Duration FIRST_RUN_WINDOW = Duration.ofHours(24);

    private final TruceFiles files;
    private final Clock clock;
    private final long maxBytes;

    public ChangesService(TruceFiles files, Clock clock, long maxBytes) {
        this.files = files;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /**
     * @param state the state folder (--state), or null for the file's (.truce beside it, or its state: key)
     * @param user  whose last run is the default starting point
     */
    public ChangesReport changes(FileRef file, Since since, Path state, String user) {
        return changes(file, since, state, user, "changes", true);
    }

    /**
     * What changed since the last briefing (or {@code since}), for the briefing's top: from git only; outside it
     * the report is not {@link ChangesReport#git() git} and its problem says why (the kept copy there belongs to
     * `truce changes`, whose place a briefing must not move). The briefing keeps a bookmark of its own.
     */
    public ChangesReport sinceLastBriefing(FileRef file, Since since, Path state, String user) {
        try {
            return changes(file, since, state, user, "briefing", false);
        } catch (GitHistory.Unreadable e) { // the briefing goes out without the changes; the report says why
            return new ChangesReport(ZoneOffset.UTC, new ChangesReport.From("unreadable", null,
                    clock.instant().truncatedTo(ChronoUnit.SECONDS), null), false, List.of(), List.of(),
                    List.of(e.getMessage()), false);
        }
    }

    private ChangesReport changes(FileRef file, Since since, Path state, String user, String bookmark,
                                  boolean snapshots) {
        if (!Files.exists(file.path())) {
            throw TruceException.badInput(file.label() + ": no such file (name the obligations file with -f FILE or $TRUCE_FILE)");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        VersionReader reader = new VersionReader(files);
        // the repository is opened (JGit loaded, HEAD read) on another thread while the files are parsed on this one
        Path directory = file.path().toAbsolutePath().getParent();
        CompletableFuture<Optional<GitHistory>> opening = CompletableFuture.supplyAsync(() -> {
            Optional<GitHistory> opened = GitHistory.open(directory);
            try {
                opened.ifPresent(GitHistory::head);
            } catch (RuntimeException e) {
                opened.get().close();
                throw e;
            }
            return opened;
        });
        TruceFile current;
        try {
            current = reader.read(FileVersion.workingTree(), file, null).file();
        } catch (RuntimeException e) {
            opening.thenAccept(opened -> opened.ifPresent(GitHistory::close));
            throw e;
        }
        Path stateDirectory = state != null ? state : current != null ? current.stateDirectory()
                : directory.resolve(Settings.DEFAULT_STATE);
        Optional<GitHistory> repository = opened(opening);
        try {
            String why = repository.isEmpty() ? "not in a git repository" : untracked(repository.get(), file);
            if (why != null) {
                return snapshots ? fromSnapshot(file, since, why, stateDirectory, user, reader, current, now)
                        : new ChangesReport(ZoneOffset.UTC, new ChangesReport.From("none", null, now, null), false,
                                List.of(), List.of(), List.of(file.label() + " is " + why), false);
            }
            GitHistory git = repository.get();
            ZoneId zone = current != null ? current.register().truce().zone()
                    : zone(reader.read(FileVersion.commit(git, git.head(), maxBytes), file, null).file());
            return fromGit(git, file, since, stateDirectory, LastRun.file(stateDirectory, bookmark, user), reader,
                    current, zone, now);
        } finally {
            repository.ifPresent(GitHistory::close);
        }
    }

    private static Optional<GitHistory> opened(CompletableFuture<Optional<GitHistory>> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // a damaged repository: GitHistory.Unreadable
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static ZoneId zone(TruceFile file) {
        return file == null ? ZoneOffset.UTC : file.register().truce().zone();
    }

    /** Why the file's git history cannot be read (null when it can). */
    private static String untracked(GitHistory git, FileRef file) {
        Optional<String> path = git.pathOf(file.path());
        if (path.isEmpty()) {
            return "not in the work tree of its git repository";
        }
        Optional<Commit> head = git.head();
        return head.isEmpty() || git.blobId(head.get(), path.get()).isEmpty() ? "not committed to git" : null;
    }

    private ChangesReport fromGit(GitHistory git, FileRef file, Since since, Path state, Path lastRunFile,
                                  VersionReader reader, TruceFile current, ZoneId zone, Instant now) {
        From from = from(git, since, zone, now, LastRun.read(lastRunFile));
        Optional<Commit> base = Optional.ofNullable(from.base());
        VersionWalk walk = new VersionWalk(reader, file, current).from(FileVersion.commit(git, base, maxBytes));
        Touched touched = new Touched(git, git.pathOf(file.path()).orElseThrow());
        List<String> ids = base.map(c -> touched.ids(c, walk.lastKnown())).orElse(List.of());
        for (Commit commit : git.after(base)) {
            List<String> next = touched.ids(commit, walk.lastKnown());
            if (!next.equals(ids)) { // a commit that touched neither file made no change to tell
                walk.to(FileVersion.commit(git, Optional.of(commit), maxBytes));
                ids = touched.ids(commit, walk.lastKnown());
            }
        }
        walk.to(FileVersion.workingTree());
        List<String> notes = new ArrayList<>();
        if (from.shallowStart() != null) {
            notes.add(shallow(from.shallowStart(), zone) + ": what changed up to that commit is not known; listed is "
                    + "what changed after it");
        }
        // only a run from the bookmark moves it: an ad-hoc --since looks back without losing your place
        if (since instanceof Since.LastRun) {
            try {
                new LastRun(now, git.head().map(Commit::id).orElse(null)).write(lastRunFile);
            } catch (IOException e) {
                notes.add("could not remember this run in " + lastRunFile + " (" + e.getMessage() + "): the next run "
                        + "without --since starts from the same point");
            }
        }
        return new ChangesReport(zone, from, true, walk.entries(), walk.problems(), notes, false);
    }

    /**
     * The ids of the two files' contents in a commit: what tells whether a commit changed either. Where the
     * evidence is in the repository is found once per version of the settings that say so.
     */
    private final class Touched {
        private final GitHistory git;
        private final String path;
        private TruceFile located;
        private Optional<String> evidence = Optional.empty();

        Touched(GitHistory git, String path) {
            this.git = git;
            this.path = path;
        }

        List<String> ids(Commit commit, TruceFile settings) {
            if (settings != located) {
                located = settings;
                try {
                    evidence = settings == null ? Optional.empty() : git.pathOf(files.locate(settings).path());
                } catch (TruceException e) {
                    evidence = Optional.empty(); // evidence_file leads somewhere it must not: the version read says so
                }
            }
            List<String> ids = new ArrayList<>();
            ids.add(git.blobId(commit, path).orElse(""));
            evidence.flatMap(p -> git.blobId(commit, p)).ifPresent(ids::add);
            return ids;
        }
    }

    private static From from(GitHistory git, Since since, ZoneId zone, Instant now, Optional<LastRun> lastRun) {
        if (since instanceof Since.Revision revision) {
            Commit commit = git.resolve(revision.revision()).orElseThrow(() -> TruceException.badInput("--since: '"
                    + Phrases.oneLine(revision.revision()) + "' is not a revision of this repository nor a date "
                    + "(YYYY-MM-DD, or a date-time with offset)" + git.shallowStart().map(start -> "; "
                    + shallow(start, zone)).orElse("")));
            return new From("revision", revision.revision(), commit.committed(), commit);
        }
        if (since instanceof Since.At at) {
            return at(git, "date", at.asked(), at.moment().start(zone));
        }
        if (since instanceof Since.Ago ago) {
            return at(git, "date", ago.asked(), ago.before(now, zone));
        }
        if (lastRun.isPresent()) {
            Optional<Commit> then = Optional.ofNullable(lastRun.get().commit()).flatMap(git::resolve);
            return then.map(commit -> new From("last-run", null, lastRun.get().at(), commit))
                    .orElseGet(() -> at(git, "last-run", null, lastRun.get().at()));
        }
        return at(git, "last-24-hours", null, now.minus(FIRST_RUN_WINDOW));
    }

    private static From at(GitHistory git, String kind, String asked, Instant instant) {
        GitHistory.Reached reached = git.at(instant);
        return new From(kind, asked, instant, reached.commit().orElse(null), reached.shallowStart().orElse(null));
    }

    /** That the history before {@code start} is not in this clone, and how to bring it. */
    static String shallow(Commit start, ZoneId zone) {
        return "the history before commit " + start.shortId() + " (" + start.committed().atZone(zone).format(MINUTE)
                + ") is not in this clone (a shallow clone; git fetch --unshallow brings it)";
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

    private ChangesReport fromSnapshot(FileRef file, Since since, String why, Path state, String user,
                                       VersionReader reader, TruceFile current, Instant now) {
        if (!(since instanceof Since.LastRun)) {
            throw TruceException.badInput("--since: " + file.label() + " is " + why + ", so there is no history to go "
                    + "back to; without --since, truce changes compares with the copy of the files it keeps from its "
                    + "last run");
        }
        Path directory = file.path().toAbsolutePath().getParent();
        Path snapshotFile = state.resolve("changes-snapshot-" + StateFiles.userPart(user) + ".json");
        List<String> notes = new ArrayList<>();
        notes.add(file.label() + " is " + why + ": comparing with the copy of the files taken at the last run of "
                + "truce changes (in " + state + ")");
        Optional<TextSnapshot> previous;
        try {
            previous = TextSnapshot.read(snapshotFile);
        } catch (IOException e) {
            notes.add(snapshotFile + ": " + e.getMessage() + "; taking a new copy");
            previous = Optional.empty();
        }
        VersionWalk walk = new VersionWalk(reader, file, current);
        if (previous.isEmpty()) {
            walk.from(FileVersion.workingTree());
        } else {
            walk.from(FileVersion.snapshot(previous.get(), directory)).to(FileVersion.workingTree());
        }
        keep(snapshotFile, new TextSnapshot(now, keyed(directory, walk.last().texts())));
        return new ChangesReport(zone(walk.lastKnown()), new From("snapshot", null, previous.map(TextSnapshot::taken).orElse(now), null),
                false, walk.entries(), walk.problems(), notes, previous.isEmpty());
    }

    /** The bytes read, by the paths a snapshot names them with. */
    static Map<String, byte[]> keyed(Path directory, Map<Path, byte[]> texts) {
        Map<String, byte[]> keyed = new LinkedHashMap<>();
        texts.forEach((path, bytes) -> keyed.put(FileVersion.key(directory, path), bytes));
        return keyed;
    }

    private static void keep(Path file, TextSnapshot snapshot) {
        try {
            snapshot.write(file);
        } catch (IOException e) {
            throw TruceException.failure("cannot keep a copy of the files in " + file + ": " + e.getMessage()
                    + " (truce changes compares with it next time)", e);
        }
    }
}
