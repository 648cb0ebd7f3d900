package dev.truce.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a claim rests on. Acts and data are hard evidence; statements and reports are claims. */
public enum Basis {
    ACT("act"), DATA("data"), STATEMENT("statement"), REPORT("report");

    private final String label;

    Basis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isHard() {
        return this == ACT || this == DATA;
    }

    public static Optional<Basis> fromLabel(String text) {
        return Arrays.stream(values()).filter(b -> b.label.equals(text)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Basis::label).toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
