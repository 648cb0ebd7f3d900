package dev.truce.domain;

/** Where an obligation stands against its deadline, counted in calendar days in the truce zone. */
public enum TimelineState {
    PENDING("pending"),
    ACTIVE("active"),
    DUE_SOON("due-soon"),
    DUE_TODAY("due-today"),
    EXPIRED("expired");

    private final String label;

    TimelineState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
