package dev.truce.domain;

import java.util.List;

/** Who hears about deadlines, and how many days before them. */
public record AlertSettings(List<Integer> thresholds, List<String> recipients) {
    public static final List<Integer> DEFAULT_THRESHOLDS = List.of(30, 14, 7, 3, 1, 0);

    public AlertSettings {
        thresholds = thresholds.stream().distinct().sorted((a, b) -> b - a).toList();
        recipients = List.copyOf(recipients);
    }

    public static AlertSettings defaults() {
        return new AlertSettings(DEFAULT_THRESHOLDS, List.of());
    }

    /** The widest warning window: an obligation within this many days is due soon. */
    public int largestThreshold() {
        return thresholds.isEmpty() ? 0 : thresholds.get(0);
    }
}
