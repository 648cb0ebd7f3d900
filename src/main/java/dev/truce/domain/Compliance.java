package dev.truce.domain;

import java.util.Optional;

/**
 * The compliance of one obligation as of a moment: its state, whether the evidence is stale, the
 * newest entry, for a purchase with a target how far it has come, and the reason: the rule and the entry behind
 * the state ({@code show} names them; null where a test made the compliance by hand).
 */
public record Compliance(ComplianceState state, boolean stale, int evidenceCount, Optional<Evidence> last,
                         Optional<Progress> progress, Reason reason) {
    public static final Compliance NONE = new Compliance(ComplianceState.NO_EVIDENCE, false, 0, Optional.empty(),
            Optional.empty(), new Reason("no evidence is recorded", Optional.empty()));

    public Compliance(ComplianceState state, boolean stale, int evidenceCount, Optional<Evidence> last) {
        this(state, stale, evidenceCount, last, Optional.empty(), null);
    }

    /** Why the state is what it is: the rule that decided it, in words, and the entry it rests on, if one does. */
    public record Reason(String rule, Optional<Evidence> entry) {
    }
}
