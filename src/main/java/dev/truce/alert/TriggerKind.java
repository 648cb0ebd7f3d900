package dev.truce.alert;

import java.util.Arrays;
import java.util.Optional;

/** Why an obligation is in a digest. The labels are stored in the ledger: never rename one. */
public enum TriggerKind {
    /** Days left fell to or below one of alerts.thresholds for the deadline in force. */
    THRESHOLD("threshold"),
    /** The deadline in force passed. */
    EXPIRED("expired"),
    /** The deadline moved, usually by an extension; thresholds re-arm for the new one. */
    EXTENDED("extended"),
    /** The compliance state moved into breach-alleged, breached, disputed or at-risk. */
    COMPLIANCE("compliance"),
    /** The compliance state went back to complying after an alarming state was sent. */
    RESOLVED("resolved"),
    /** The newest evidence became older than stale_after_days. */
    STALE("stale");

    private final String label;

    TriggerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Triggers about the deadline: the newest of them tells which deadline a recipient last heard of. */
    public boolean isAboutDeadline() {
        return this == THRESHOLD || this == EXPIRED || this == EXTENDED;
    }

    /** Triggers about compliance: the newest of them tells which state a recipient last heard of. */
    public boolean isAboutCompliance() {
        return this == COMPLIANCE || this == RESOLVED;
    }

    public static Optional<TriggerKind> fromLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
