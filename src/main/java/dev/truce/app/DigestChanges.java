package dev.truce.app;

import dev.truce.alert.ChangeLines;
import dev.truce.app.ChangesReport.Entry;
import dev.truce.config.TruceFile;
import dev.truce.domain.TruceException;
import dev.truce.history.TextSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What changed in the files since the last digest was sent, for the digest to say: a copy of the files is
 * kept in the state folder after a run that sent a digest, and the next run compares with it, through the
 * same comparison as `truce changes`. No copy yet (the first digest): nothing to say.
 */
final class DigestChanges {
    static final String FILE = "digest-snapshot.json";

    private final TruceFiles files;

    DigestChanges(TruceFiles files) {
        this.files = files;
    }

    /** The section to add to this run's digests, and the copy of the files to keep if one is sent. */
    record Section(ChangeLines lines, TextSnapshot now, Path keepIn) {
    }

    /** Never fails the run: a digest goes out whatever happens here (then without the section, and nothing kept). */
    Section since(FileRef file, TruceFile current, Path stateDirectory, Instant now) {
        Path keepIn = stateDirectory.resolve(FILE);
        try {
            return compare(file, current, keepIn, now);
        } catch (RuntimeException e) {
            return new Section(ChangeLines.NONE, null, keepIn);
        }
    }

    private Section compare(FileRef file, TruceFile current, Path keepIn, Instant now) {
        Path directory = file.path().toAbsolutePath().getParent();
        Optional<TextSnapshot> previous;
        try {
            previous = TextSnapshot.read(keepIn);
        } catch (IOException e) {
            previous = Optional.empty(); // unreadable: replaced after the next digest sent
        }
        Map<Path, byte[]> texts = texts(file, current);
        TextSnapshot snapshot = new TextSnapshot(now, ChangesService.keyed(directory, texts));
        if (previous.isEmpty() || same(previous.get(), snapshot)) {
            return new Section(ChangeLines.NONE, snapshot, keepIn);
        }
        VersionWalk walk = new VersionWalk(new VersionReader(files), file, current)
                .from(FileVersion.snapshot(previous.get(), directory)).to(FileVersion.workingTree());
        List<String> lines = walk.entries().stream().map(Entry::change)
                .map(c -> (c.onTruce() ? "truce" : c.id()) + ": " + c.describe()).toList();
        return new Section(ChangeLines.of(previous.get().taken(), lines), new TextSnapshot(now,
                ChangesService.keyed(directory, walk.last().texts())), keepIn);
    }

    /** The two files' bytes now, without parsing them again (the run has read obligations.yaml already). */
    private Map<Path, byte[]> texts(FileRef file, TruceFile current) {
        Map<Path, byte[]> texts = new LinkedHashMap<>();
        FileVersion now = FileVersion.workingTree();
        texts.put(file.path(), now.read(file.path(), file.label()).orElse(null));
        try {
            Path evidence = files.locate(current).path();
            texts.put(evidence, now.read(evidence, evidence.toString()).orElse(null));
        } catch (TruceException e) {
            // evidence_file leads somewhere it must not: the run's warnings say so; nothing of it is kept
        }
        return texts;
    }

    private static boolean same(TextSnapshot a, TextSnapshot b) {
        if (!a.files().keySet().equals(b.files().keySet())) {
            return false;
        }
        return a.files().entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.files().get(e.getKey())));
    }

    /** Keeps the copy after a run that sent a digest; a warning when it cannot (the next digest then says more). */
    static List<String> keepIfSent(Section section, AlertRunResult result) {
        boolean sent = result.deliveries().stream().anyMatch(d -> d.outcome() == AlertRunResult.Outcome.SENT);
        if (!sent || section.now() == null) {
            return List.of();
        }
        try {
            section.now().write(section.keepIn());
            return List.of();
        } catch (IOException e) {
            return List.of("cannot keep a copy of the files in " + section.keepIn() + " (" + e.getMessage()
                    + "): the next digest lists the changes since an older one");
        }
    }
}
