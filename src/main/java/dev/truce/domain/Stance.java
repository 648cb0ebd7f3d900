package dev.truce.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a piece of evidence says about an obligation. */
public enum Stance {
    COMPLIES("complies"), BREACHES("breaches"), PARTIAL("partial"), UNCLEAR("unclear");

    private final String label;

    Stance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Stance> fromLabel(String text) {
        return Arrays.stream(values()).filter(s -> s.label.equals(text)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Stance::label).toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
