package dev.truce.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the evidence says about an obligation as of a moment. */
public enum ComplianceState {
    NO_EVIDENCE("no-evidence"),
    COMPLYING("complying"),
    BREACH_ALLEGED("breach-alleged"),
    BREACHED("breached"),
    DISPUTED("disputed"),
    AT_RISK("at-risk");

    private final String label;

    ComplianceState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** States a desk must hear about when an obligation moves into them. */
    public boolean isAlarming() {
        return this == BREACH_ALLEGED || this == BREACHED || this == DISPUTED || this == AT_RISK;
    }

    public static Optional<ComplianceState> fromLabel(String text) {
        return Arrays.stream(values()).filter(s -> s.label.equals(text)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(ComplianceState::label).toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
