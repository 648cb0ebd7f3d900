package dev.truce.app;

import dev.truce.config.LogLocation;
import dev.truce.config.TruceFile;
import dev.truce.domain.AckEntry;
import dev.truce.domain.Acks;
import dev.truce.domain.Evidence;
import dev.truce.domain.TruceException;
import dev.truce.yaml.AckBinding;
import dev.truce.yaml.EvidenceBinding;
import dev.truce.yaml.EntryFileReader;
import dev.truce.yaml.InvalidYaml;
import dev.truce.yaml.ObligationsFileReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The files a use case reads: obligations.yaml, which must be whole (a broken one stops the command:
 * the desk must fix it first), and the two logs it points at, the evidence and the acks, of which every
 * readable entry counts and the rest is reported ({@link EvidenceHealth}, {@link AckLog}), so one typo there
 * never silences a deadline.
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

    /**
     * obligations.yaml as an edit would leave it, read back before anything is written: a file that would not be
     * valid is refused as bad input, its problems listed under one line saying that nothing was written.
     */
    TruceFile edited(byte[] content, FileRef file) {
        try {
            return obligations(content, file, file.label());
        } catch (InvalidFile e) {
            List<String> lines = new ArrayList<>();
            lines.add(file.label() + ": the edited file would not be valid; nothing was written:");
            lines.addAll(e.lines());
            throw new TruceException(TruceException.Cause.BAD_INPUT, lines);
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
    public LogLocation locate(TruceFile file) {
        return LogLocation.of(file, evidenceDirectories);
    }

    /** A fresh binding for one read: it checks ids against the register and shares repeated texts. */
    public EvidenceBinding binding(TruceFile file, LogLocation location) {
        return new EvidenceBinding(location.label(), file.register(), file.label());
    }

    /** Every readable entry to {@code sink}, in file order, and what could not be read. */
    public EvidenceHealth evidence(TruceFile file, Consumer<Evidence> sink) {
        return evidence(file, null, sink);
    }

    /**
     * The readable entries about the obligations in {@code only} (every entry when null) to {@code sink}, in file
     * order, and what could not be read in the whole file. From the parse cache, only those entries are decoded.
     */
    public EvidenceHealth evidence(TruceFile file, java.util.Set<String> only, Consumer<Evidence> sink) {
        LogLocation location;
        try {
            location = locate(file);
        } catch (TruceException e) {
            return EvidenceHealth.blocked("evidence", e.getMessage());
        }
        if (!location.exists()) {
            return EvidenceHealth.of(location.label(), EntryFileReader.Read.NONE, location.named());
        }
        return EvidenceHealth.of(location.label(), evidence.read(location.path(), binding(file, location), only, sink),
                false);
    }

    /** For validate: the evidence whole (how it read), or a bad-input failure listing every problem. */
    public EvidenceHealth evidenceStrict(TruceFile file, LogLocation location) {
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

    /** The reader of both logs (the acks are small: their binding keeps them out of the parse cache). */
    EntryFileReader logReader() {
        return evidence;
    }

    /** Where the acks are; a bad-input error when acks_file leads somewhere it must not. */
    public LogLocation locateAcks(TruceFile file) {
        return LogLocation.of(file, LogLocation.Log.ACKS, evidenceDirectories);
    }

    public AckBinding ackBinding(TruceFile file, LogLocation location) {
        return new AckBinding(location.label(), file.register(), file.label());
    }

    /** The acks file: every readable entry, and what could not be read. */
    public AckLog acks(TruceFile file) {
        LogLocation location;
        try {
            location = locateAcks(file);
        } catch (TruceException e) {
            return AckLog.blocked("acks", e.getMessage());
        }
        if (!location.exists()) {
            return new AckLog(location.label(), EntryFileReader.Read.NONE, Acks.NONE, null);
        }
        List<AckEntry> entries = new ArrayList<>();
        EntryFileReader.Read read = evidence.read(location.path(), ackBinding(file, location), entries::add);
        return new AckLog(location.label(), read, new Acks(entries, read.broken(), read.unattributed()), null);
    }

    /**
     * For validate: the acks file whole, or a bad-input failure listing every problem (acks_file's too). A missing
     * file is no acks yet, named or not: the first truce ack creates it, and no ack is the loud case.
     */
    public AckLog acksStrict(TruceFile file) {
        locateAcks(file);
        AckLog log = acks(file);
        if (!log.read().clean()) {
            throw log.read().failure(log.label());
        }
        return log;
    }
}
