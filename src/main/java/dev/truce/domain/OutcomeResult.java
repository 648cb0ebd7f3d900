package dev.truce.domain;

/**
 * What happened when an obligation's deadline came, or earlier. The difference matters to a desk:
 * only a lapse brings back what was suspended.
 */
@Noun("result")
public enum OutcomeResult implements Labelled {
    /** The deadline passed and what was suspended came back: the tariff snaps back, the rule returns. */
    LAPSED("lapsed"),
    /** It stopped with nothing to snap back: revoked, voided by a court, made moot. */
    ENDED("ended"),
    /** A one-off commitment (a purchase) was met. */
    FULFILLED("fulfilled"),
    /** A one-off commitment was not met. */
    MISSED("missed"),
    /** A suspension turned into a removal. */
    PERMANENT("permanent"),
    /** Split into, or superseded by, other obligations. */
    REPLACED("replaced");

    private final String label;

    OutcomeResult(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
