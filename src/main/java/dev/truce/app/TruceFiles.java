package dev.truce.app;

import dev.truce.config.EvidenceLocation;
import dev.truce.config.TruceFile;
import dev.truce.domain.Evidence;
import dev.truce.domain.TruceException;
import dev.truce.yaml.EvidenceBinding;
import dev.truce.yaml.EntryFileReader;
import dev.truce.yaml.InvalidYaml;
import dev.truce.yaml.ObligationsFileReader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The two files a use case reads: obligations.yaml, which must be whole (a broken one stops the command:
 * the desk must fix it first), and the evidence it points at, of which every readable entry counts and the
 * rest is reported ({@link EvidenceHealth}), so one typo there never silences a deadline.
 */
public final class TruceFiles {
    private final ObligationsFileReader obligations;
    private final EntryFileReader evidence;
    private final List<Path> evidenceDirectories;

    TruceFiles(ObligationsFileReader obligations, EntryFileReader evidence, List<Path> evidenceDirectories) {
        this.obligations = obligations;
        this.evidence = evidence;
        this.evidenceDirectories = List.copyOf(evidenceDirectories);
    }

    /** The readers with no parse cache and no extra evidence folders: what a test or a one-off tool needs. */
    public static TruceFiles plain() {
        return new TruceFiles(new ObligationsFileReader(), new EntryFileReader(), List.of());
    }

    /** obligations.yaml whole, or an {@link InvalidFile} listing every problem. */
    public TruceFile obligations(FileRef file) {
        try {
            return obligations.read(file.path(), file.label());
        } catch (InvalidYaml e) {
            throw new InvalidFile(e.lines(), e.redacted());
        }
    }

    /** A version of obligations.yaml held in memory (a commit's, a snapshot's), read as the file is, never cached. */
    public TruceFile obligations(byte[] content, FileRef file, String label) {
        try {
            return obligations.read(content, file.path(), label);
        } catch (InvalidYaml e) {
            throw new InvalidFile(e.lines(), e.redacted());
        }
    }

    /** A version of the evidence file held in memory: every readable entry to {@code sink}, and what could not be read. */
    public EntryFileReader.Read evidence(byte[] content, EvidenceBinding binding, Consumer<Evidence> sink) {
        return evidence.read(content, binding, sink);
    }

    /** Where the evidence is; a bad-input error when evidence_file leads somewhere it must not. */
    public EvidenceLocation locate(TruceFile file) {
        return EvidenceLocation.of(file, evidenceDirectories);
    }

    /** A fresh binding for one read: it checks ids against the register and shares repeated texts. */
    public EvidenceBinding binding(TruceFile file, EvidenceLocation location) {
        return new EvidenceBinding(location.label(), file.register(), file.label());
    }

    /** Every readable entry to {@code sink}, in file order, and what could not be read. */
    public EvidenceHealth evidence(TruceFile file, Consumer<Evidence> sink) {
        EvidenceLocation location;
        try {
            location = locate(file);
        } catch (TruceException e) {
            return EvidenceHealth.blocked("evidence", e.getMessage());
        }
        if (!location.exists()) {
            return EvidenceHealth.of(location.label(), EntryFileReader.Read.NONE, location.named());
        }
        return EvidenceHealth.of(location.label(), evidence.read(location.path(), binding(file, location), sink), false);
    }

    /** For validate: the evidence whole (how it read), or a bad-input failure listing every problem. */
    public EvidenceHealth evidenceStrict(TruceFile file, EvidenceLocation location) {
        if (!location.exists()) {
            if (location.named()) {
                throw TruceException.badInput((file.settings().evidenceFileAt() == null ? file.label()
                        : file.settings().evidenceFileAt().in(file.label())) + ": evidence_file: " + location.label()
                        + " does not exist (create it with truce evidence add, or correct evidence_file)");
            }
            return EvidenceHealth.of(location.label(), EntryFileReader.Read.NONE, false);
        }
        EntryFileReader.Read read = evidence.read(location.path(), binding(file, location), e -> {
        });
        if (!read.clean()) {
            throw read.failure(location.label());
        }
        return EvidenceHealth.of(location.label(), read, false);
    }

    EntryFileReader evidenceReader() {
        return evidence;
    }
}
