package dev.truce.app;

import dev.truce.yaml.EvidenceBinding;
import dev.truce.yaml.TruceFile;
import java.nio.file.Path;

/**
 * The evidence file a register points at (evidence_file, else evidence.yaml beside obligations.yaml),
 * labelled the way the user named obligations.yaml: `-f desk/obligations.yaml` gives desk/evidence.yaml.
 */
record EvidenceSource(Path path, String label) {
    static EvidenceSource of(TruceFile file) {
        Path dir = file.path().toAbsolutePath().getParent();
        Path evidence = file.evidenceFile();
        Path relative = evidence.startsWith(dir) ? dir.relativize(evidence) : evidence;
        Path labelDir = Path.of(file.label()).getParent();
        String label = relative.isAbsolute() || labelDir == null ? relative.toString() : labelDir.resolve(relative).toString();
        return new EvidenceSource(evidence, label);
    }

    /** A fresh binding for one read: it checks ids against the register and shares repeated texts. */
    EvidenceBinding binding(TruceFile file) {
        return new EvidenceBinding(label, file.register().ids(), file.label());
    }
}
