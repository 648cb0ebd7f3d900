package dev.truce.domain;

import java.util.Optional;

/** The compliance of one obligation as of a moment: its state, whether the evidence is stale, and the newest entry. */
public record Compliance(ComplianceState state, boolean stale, int evidenceCount, Optional<Evidence> last) {
    public static final Compliance NONE = new Compliance(ComplianceState.NO_EVIDENCE, false, 0, Optional.empty());
}
