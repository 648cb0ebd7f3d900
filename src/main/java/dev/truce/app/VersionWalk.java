package dev.truce.app;

import dev.truce.app.ChangesReport.Entry;
import dev.truce.config.TruceFile;
import dev.truce.domain.Evidence;
import dev.truce.domain.Register;
import dev.truce.domain.changes.Change;
import dev.truce.domain.changes.RegisterChanges;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares versions of the files one after the other, each with the last one that could be read, so every
 * change is told once, with the version that made it. A version that cannot be read is skipped: its changes
 * show with the next version that can. If the first version cannot be read, the first that can is where the
 * comparison starts (what changed before it is not known).
 */
final class VersionWalk {
    private final VersionReader reader;
    private final FileRef file;
    private final List<Entry> entries = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> told = new HashSet<>();
    private boolean registerKnown;
    private Register register;
    private List<Evidence> evidence;
    private TruceFile lastKnown;
    private VersionReader.Read last;

    VersionWalk(VersionReader reader, FileRef file) {
        this(reader, file, null);
    }

    /**
     * {@code settings}: where to look for the evidence of a first version whose obligations.yaml cannot be read
     * (the newest readable settings, such as the working tree's), so its evidence is still compared.
     */
    VersionWalk(VersionReader reader, FileRef file, TruceFile settings) {
        this.reader = reader;
        this.file = file;
        this.lastKnown = settings;
    }

    /** The version compared from. */
    VersionWalk from(FileVersion version) {
        VersionReader.Read read = read(version);
        registerKnown = read.state() != VersionReader.State.BROKEN;
        register = read.register();
        evidence = read.evidence();
        return this;
    }

    /** The next version: its changes against the last one read, said to be made by it. */
    VersionWalk to(FileVersion version) {
        VersionReader.Read read = read(version);
        Register next = read.state() == VersionReader.State.BROKEN ? register : read.register();
        Register before = registerKnown ? register : next;
        List<Evidence> nextEvidence = read.evidence() != null ? read.evidence() : evidence;
        List<Evidence> beforeEvidence = evidence != null ? evidence : nextEvidence;
        if (read.state() == VersionReader.State.BROKEN && !registerKnown) {
            next = null;
            before = null;
        }
        // the same parse on both sides (the reader hands out one register for the same bytes): nothing to compare
        boolean same = before == next && beforeEvidence == nextEvidence;
        if (!same) {
            for (Change change : RegisterChanges.between(before, beforeEvidence == null ? List.of() : beforeEvidence,
                    next, nextEvidence == null ? List.of() : nextEvidence)) {
                entries.add(new Entry(change, version.origin()));
            }
        }
        registerKnown |= read.state() != VersionReader.State.BROKEN;
        register = next;
        evidence = nextEvidence;
        return this;
    }

    private VersionReader.Read read(FileVersion version) {
        VersionReader.Read read = reader.read(version, file, lastKnown);
        if (read.file() != null) {
            lastKnown = read.file();
        }
        String suffix = version.suffix();
        for (String problem : read.problems()) {
            // the same broken entry in version after version is told once
            if (told.add(suffix.isEmpty() ? problem : problem.replace(suffix, ""))) {
                problems.add(problem);
            }
        }
        last = read;
        return read;
    }

    List<Entry> entries() {
        return entries;
    }

    List<String> problems() {
        return problems;
    }

    /** The newest version that could be read (its settings: zone, state folder). */
    TruceFile lastKnown() {
        return lastKnown;
    }

    /** The version read last, as read. */
    VersionReader.Read last() {
        return last;
    }
}
