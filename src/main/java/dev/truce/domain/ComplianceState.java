package dev.truce.domain;

/**
 * What the evidence says about an obligation as of a moment. {@code unknown}: some of its evidence
 * entries could not be read, so the tool does not know, and says so rather than guess from the rest.
 */
@Noun("compliance state")
public enum ComplianceState implements Labelled {
    NO_EVIDENCE("no-evidence"),
    COMPLYING("complying"),
    BREACH_ALLEGED("breach-alleged"),
    BREACHED("breached"),
    DISPUTED("disputed"),
    AT_RISK("at-risk"),
    UNKNOWN("unknown");

    private final String label;

    ComplianceState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** States a desk must hear about when an obligation moves into them. */
    public boolean isAlarming() {
        return this == BREACH_ALLEGED || this == BREACHED || this == DISPUTED || this == AT_RISK;
    }

    @Override
    public String toString() {
        return label;
    }
}
