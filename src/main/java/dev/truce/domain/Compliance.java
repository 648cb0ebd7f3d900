package dev.truce.domain;

import java.util.Optional;

/**
 * The compliance of one obligation as of a moment: its state, whether the evidence is stale, the
 * newest entry, and for a purchase with a target how far it has come.
 */
public record Compliance(ComplianceState state, boolean stale, int evidenceCount, Optional<Evidence> last,
                         Optional<Progress> progress) {
    public static final Compliance NONE = new Compliance(ComplianceState.NO_EVIDENCE, false, 0, Optional.empty(),
            Optional.empty());

    public Compliance(ComplianceState state, boolean stale, int evidenceCount, Optional<Evidence> last) {
        this(state, stale, evidenceCount, last, Optional.empty());
    }
}
