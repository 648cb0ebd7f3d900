package dev.truce.domain;

/** What a piece of evidence says about an obligation: the claimant's stance, not a verdict. */
@Noun("stance")
public enum Stance implements Labelled {
    COMPLIES("complies"), BREACHES("breaches"), PARTIAL("partial"), UNCLEAR("unclear");

    private final String label;

    Stance(String label) {
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
