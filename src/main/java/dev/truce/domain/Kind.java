package dev.truce.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What sort of commitment an obligation is. */
public enum Kind {
    PAUSED_TARIFF("paused-tariff"),
    SUSPENDED_COUNTERMEASURE("suspended-countermeasure"),
    EXPORT_CONTROL("export-control"),
    PURCHASE("purchase"),
    OTHER("other");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Kind> fromLabel(String text) {
        return Arrays.stream(values()).filter(k -> k.label.equals(text)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Kind::label).toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
