package dev.truce.app;

import dev.truce.config.LogLocation;
import dev.truce.config.TruceFile;
import dev.truce.domain.Evidence;
import dev.truce.domain.Register;
import dev.truce.domain.TruceException;
import dev.truce.history.GitHistory;
import dev.truce.yaml.EvidenceBinding;
import dev.truce.yaml.EntryFileReader;
import dev.truce.yaml.ObligationsFileReader;
import dev.truce.yaml.Problem;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
    /** obligations.yaml as read cleanly, by its bytes: the same bytes in another version are not parsed again. */
    private final Map<ByteBuffer, TruceFile> parsed = new HashMap<>();
    /** The evidence read cleanly, by its path and bytes, with the register it was checked against. */
    private final Map<List<Object>, Checked> evidenceParsed = new HashMap<>();

    private record Checked(Register register, List<Evidence> entries) {
    }

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
        } catch (GitHistory.Unreadable e) {
            throw e; // the repository, not this version: nothing can be compared
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
            read = obligations(content.get(), file, label);
        } catch (InvalidFile e) {
            problems.add(invalid(label, e.lines()) + "; this version is left out of the comparison");
        } catch (TruceException e) {
            problems.add(firstLine(e) + "; this version is left out of the comparison");
        }
        TruceFile settings = read != null ? read : lastKnown;
        List<Evidence> evidence = settings == null ? null : evidence(version, settings, texts, problems);
        return new Read(read == null ? State.BROKEN : State.READ, read, evidence, texts, problems);
    }

    /**
     * The version's obligations.yaml parsed, or the same bytes' earlier parse under this version's label (a commit that
     * did not touch it, the working tree as committed): a plain `truce changes` with nothing new parses the file once.
     */
    private TruceFile obligations(byte[] content, FileRef file, String label) {
        ByteBuffer key = ByteBuffer.wrap(content);
        TruceFile known = parsed.get(key);
        if (known != null) {
            return new TruceFile(known.path(), label, known.register(), known.settings(), known.lines(), known.places());
        }
        TruceFile read = files.obligations(content, file, label);
        parsed.put(key, read);
        return read;
    }

    private List<Evidence> evidence(FileVersion version, TruceFile file, Map<Path, byte[]> texts, List<String> problems) {
        LogLocation location;
        Optional<byte[]> content;
        try {
            location = files.locate(file);
            content = version.read(location.path(), location.label());
        } catch (GitHistory.Unreadable e) {
            throw e;
        } catch (FileVersion.NotKept | TruceException e) {
            problems.add(firstLine(e));
            return null;
        }
        texts.put(location.path(), content.orElse(null));
        if (content.isEmpty()) {
            return List.of();
        }
        String label = location.label() + version.suffix();
        List<Object> key = List.of(location.path(), ByteBuffer.wrap(content.get()));
        Checked known = evidenceParsed.get(key);
        if (known != null && known.register() == file.register()) {
            return known.entries(); // the same bytes checked against the same register read cleanly before
        }
        List<Evidence> entries = new ArrayList<>();
        EntryFileReader.Read read = files.evidence(content.get(),
                new EvidenceBinding(label, file.register(), file.label()), entries::add);
        if (!read.clean()) {
            List<String> lines = read.lines(label, true);
            int more = read.problems().size() + read.dropped() - 1;
            problems.add(lines.get(0) + (more > 0 ? " (and " + more + " more " + (more == 1 ? "problem" : "problems") + ")" : "")
                    + "; the entries that cannot be read are left out of the comparison");
            return entries;
        }
        Checked checked = new Checked(file.register(), List.copyOf(entries));
        evidenceParsed.put(key, checked);
        return checked.entries();
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
