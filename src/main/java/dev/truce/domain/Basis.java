package dev.truce.domain;

/** What a claim rests on. Acts and data are hard evidence; statements and reports are claims. */
@Noun("basis")
public enum Basis implements Labelled {
    ACT("act"), DATA("data"), STATEMENT("statement"), REPORT("report");

    private final String label;

    Basis(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean isHard() {
        return this == ACT || this == DATA;
    }

    @Override
    public String toString() {
        return label;
    }
}
