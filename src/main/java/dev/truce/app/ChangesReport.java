package dev.truce.app;

import dev.truce.domain.changes.Change;
import dev.truce.history.GitHistory.Commit;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What `truce changes` found: each change with where it came from, oldest first, and what the comparison
 * ran between.
 *
 * @param zone      the truce zone, for showing times
 * @param from      the starting side
 * @param git       whether the files' git history was read (else a snapshot in the state folder was compared)
 * @param entries   every change, in the order the versions were made
 * @param problems  one line per version (or evidence file) that could not be read whole, in the order met
 * @param notes     one line each about how the comparison was made (no git history: a snapshot instead)
 * @param firstSnapshot true when there was nothing to compare with yet and a first snapshot was taken
 */
public record ChangesReport(ZoneId zone, From from, boolean git, List<Entry> entries, List<String> problems,
                            List<String> notes, boolean firstSnapshot) {
    public ChangesReport {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** One change and the version that made it. */
    public record Entry(Change change, Origin origin) {
    }

    /**
     * Who made a change and when: a commit (its id, author and author time), or nobody yet: a change in the
     * working tree not committed, or one found against a snapshot (then {@code commit} is null).
     */
    public record Origin(String commit, String author, Instant when) {
        public static final Origin NOT_COMMITTED = new Origin(null, null, null);

        public static Origin of(Commit commit) {
            return new Origin(commit.id(), commit.author(), commit.authored());
        }

        public boolean committed() {
            return commit != null;
        }

        public String shortCommit() {
            return commit == null ? null : commit.substring(0, 7);
        }
    }

    /**
     * The starting side of the comparison: how it was asked ({@code kind}: date, revision, last-run,
     * last-24-hours, snapshot; for the briefing also none, outside git, and unreadable, a damaged repository),
     * the text typed (for a date or a revision), the instant it stands for (a date, the last run, 24 hours ago,
     * the snapshot's), and the commit found there, if any. {@code shallowStart}: in a shallow clone whose history
     * stops after that instant, the commit it stops at, where the comparison starts instead (then {@code commit}
     * is null): what changed between the instant and that commit is not known.
     */
    public record From(String kind, String asked, Instant instant, Commit commit, Commit shallowStart) {
        public From(String kind, String asked, Instant instant, Commit commit) {
            this(kind, asked, instant, commit, null);
        }

        /** The commit the comparison starts at: the one found at the instant, else where a shallow clone starts. */
        public Commit base() {
            return commit != null ? commit : shallowStart;
        }
    }
}
