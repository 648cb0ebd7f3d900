package dev.truce.alert;

import dev.truce.domain.Labelled;
import dev.truce.domain.Noun;

/** Why an obligation is in a digest. The labels are stored in the ledger: never rename one. */
@Noun("trigger kind")
public enum TriggerKind implements Labelled {
    /** Days left fell to or below one of alerts.thresholds for the deadline in force. */
    THRESHOLD("threshold"),
    /** The deadline in force passed with no outcome recorded: the first notice (stored as "expired" since 0.1). */
    EXPIRED("expired"),
    /** Still no outcome recorded: a reminder every alerts.unresolved_every_days; the detail counts the periods. */
    UNRESOLVED("unresolved"),
    /** An outcome was recorded for a deadline the recipient had heard of: one notice. */
    OUTCOME("outcome"),
    /** The deadline moved, usually by an extension; thresholds re-arm for the new one. */
    EXTENDED("extended"),
    /** The compliance state moved into breach-alleged, breached, disputed or at-risk. */
    COMPLIANCE("compliance"),
    /** The compliance state went back to complying after an alarming state was sent. */
    RESOLVED("resolved"),
    /** The newest evidence became older than stale_after_days. */
    STALE("stale"),
    /** An official announced an extension with no instrument seen: news, but the deadline in force stays. */
    REPORTED("reported");

    private final String label;

    TriggerKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Triggers about the deadline: the newest of them tells which deadline a recipient last heard of. */
    public boolean isAboutDeadline() {
        return this == THRESHOLD || this == EXPIRED || this == EXTENDED || this == UNRESOLVED;
    }

    /** Triggers about compliance: the newest of them tells which state a recipient last heard of. */
    public boolean isAboutCompliance() {
        return this == COMPLIANCE || this == RESOLVED;
    }

    @Override
    public String toString() {
        return label;
    }
}
