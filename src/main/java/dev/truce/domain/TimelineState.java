package dev.truce.domain;

/**
 * Where an obligation stands against its deadline, counted in calendar days in the truce zone.
 * Before the deadline: pending, active, due-soon, due-today. Once the deadline has passed with no
 * outcome recorded: unresolved (never "expired", which a desk reads as "it snapped back"). Once an
 * outcome is in effect: its result.
 */
@Noun("timeline state")
public enum TimelineState implements Labelled {
    PENDING("pending"),
    ACTIVE("active"),
    DUE_SOON("due-soon"),
    DUE_TODAY("due-today"),
    UNRESOLVED("unresolved"),
    LAPSED("lapsed"),
    ENDED("ended"),
    FULFILLED("fulfilled"),
    MISSED("missed"),
    PERMANENT("permanent"),
    REPLACED("replaced");

    private final String label;

    TimelineState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The state of an obligation whose outcome is in effect. */
    public static TimelineState of(OutcomeResult result) {
        return switch (result) {
            case LAPSED -> LAPSED;
            case ENDED -> ENDED;
            case FULFILLED -> FULFILLED;
            case MISSED -> MISSED;
            case PERMANENT -> PERMANENT;
            case REPLACED -> REPLACED;
        };
    }

    /** An outcome is in effect: the obligation no longer counts down to anything. */
    public boolean isSettled() {
        return ordinal() > UNRESOLVED.ordinal();
    }

    /** The deadline is still ahead (or there is none) and nothing has settled it. */
    public boolean isOpen() {
        return this == PENDING || this == ACTIVE || this == DUE_SOON || this == DUE_TODAY;
    }

    @Override
    public String toString() {
        return label;
    }
}
