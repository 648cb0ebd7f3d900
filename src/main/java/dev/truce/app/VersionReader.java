package dev.truce.app;

import dev.truce.config.LogLocation;
import dev.truce.config.TruceFile;
import dev.truce.domain.Evidence;
import dev.truce.domain.Register;
import dev.truce.domain.TruceException;
import dev.truce.yaml.EvidenceBinding;
import dev.truce.yaml.EntryFileReader;
import dev.truce.yaml.ObligationsFileReader;
import dev.truce.yaml.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one version of the files with the same readers as the files on disk: obligations.yaml, then the
 * evidence file its evidence_file names in that version. What cannot be read is said in one line and left
 * out: a version whose obligations.yaml does not parse has no register (its evidence is still read, where
 * the last readable version says it is), an evidence file read in part gives the entries that read.
 */
final class VersionReader {
    enum State { ABSENT, READ, BROKEN }

    /**
     * One version as read. {@code file}: null unless READ. {@code evidence}: null when it cannot be told (then
     * the evidence is not compared across this version). {@code texts}: the bytes read, by path (null: absent).
     */
    record Read(State state, TruceFile file, List<Evidence> evidence, Map<Path, byte[]> texts, List<String> problems) {
        Register register() {
            return file == null ? null : file.register();
        }
    }

    private final TruceFiles files;

    VersionReader(TruceFiles files) {
        this.files = files;
    }

    /** {@code lastKnown}: the newest version read before, whose settings say where the evidence is if this one cannot. */
    Read read(FileVersion version, FileRef file, TruceFile lastKnown) {
        List<String> problems = new ArrayList<>();
        Map<Path, byte[]> texts = new LinkedHashMap<>();
        String label = file.label() + version.suffix();
        Optional<byte[]> content;
        try {
            content = version.read(file.path(), file.label());
        } catch (FileVersion.NotKept | TruceException e) {
            problems.add(firstLine(e) + "; this version is left out of the comparison");
            return new Read(State.BROKEN, null, null, texts, problems);
        }
        texts.put(file.path(), content.orElse(null));
        if (content.isEmpty()) {
            return new Read(State.ABSENT, null, List.of(), texts, problems);
        }
        TruceFile read = null;
        try {
            read = files.obligations(content.get(), file, label);
        } catch (InvalidFile e) {
            problems.add(invalid(label, e.lines()) + "; this version is left out of the comparison");
        } catch (TruceException e) {
            problems.add(firstLine(e) + "; this version is left out of the comparison");
        }
        TruceFile settings = read != null ? read : lastKnown;
        List<Evidence> evidence = settings == null ? null : evidence(version, settings, texts, problems);
        return new Read(read == null ? State.BROKEN : State.READ, read, evidence, texts, problems);
    }

    private List<Evidence> evidence(FileVersion version, TruceFile file, Map<Path, byte[]> texts, List<String> problems) {
        LogLocation location;
        Optional<byte[]> content;
        try {
            location = files.locate(file);
            content = version.read(location.path(), location.label());
        } catch (FileVersion.NotKept | TruceException e) {
            problems.add(firstLine(e));
            return null;
        }
        texts.put(location.path(), content.orElse(null));
        if (content.isEmpty()) {
            return List.of();
        }
        String label = location.label() + version.suffix();
        List<Evidence> entries = new ArrayList<>();
        EntryFileReader.Read read = files.evidence(content.get(),
                new EvidenceBinding(label, file.register(), file.label()), entries::add);
        if (!read.clean()) {
            List<String> lines = read.lines(label, true);
            int more = read.problems().size() + read.dropped() - 1;
            problems.add(lines.get(0) + (more > 0 ? " (and " + more + " more " + (more == 1 ? "problem" : "problems") + ")" : "")
                    + "; the entries that cannot be read are left out of the comparison");
        }
        return entries;
    }

    private static String invalid(String label, List<String> problems) {
        if (problems.isEmpty()) {
            return label + ": cannot be read";
        }
        int more = problems.size() - 1;
        return problems.get(0) + (more > 0 ? " (and " + more + " more " + (more == 1 ? "problem" : "problems") + ")" : "");
    }

    private static String firstLine(RuntimeException e) {
        String message = e instanceof TruceException t && !t.lines().isEmpty() ? t.lines().get(0) : e.getMessage();
        return message == null ? e.toString() : message;
    }
}
