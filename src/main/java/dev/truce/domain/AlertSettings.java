package dev.truce.domain;

import java.util.List;

/**
 * Who hears about deadlines, how many days before them, how often a passed deadline with no outcome recorded
 * is brought up again, and how near a deadline must be to count as action needed in a digest.
 */
public record AlertSettings(List<Integer> thresholds, List<String> recipients, int unresolvedEveryDays,
                            int actionWithinDays) {
    public static final List<Integer> DEFAULT_THRESHOLDS = List.of(30, 14, 7, 3, 1, 0);
    public static final int DEFAULT_UNRESOLVED_EVERY_DAYS = 7;
    /** As `truce check --critical`: what pages the operator is what the digest puts first. */
    public static final int DEFAULT_ACTION_WITHIN_DAYS = 3;

    public AlertSettings {
        thresholds = thresholds.stream().distinct().sorted((a, b) -> b - a).toList();
        recipients = List.copyOf(recipients);
    }

    public AlertSettings(List<Integer> thresholds, List<String> recipients) {
        this(thresholds, recipients, DEFAULT_UNRESOLVED_EVERY_DAYS, DEFAULT_ACTION_WITHIN_DAYS);
    }

    public AlertSettings(List<Integer> thresholds, List<String> recipients, int unresolvedEveryDays) {
        this(thresholds, recipients, unresolvedEveryDays, DEFAULT_ACTION_WITHIN_DAYS);
    }

    public static AlertSettings defaults() {
        return new AlertSettings(DEFAULT_THRESHOLDS, List.of());
    }

    /** The widest warning window: an obligation within this many days is due soon. */
    public int largestThreshold() {
        return thresholds.isEmpty() ? 0 : thresholds.get(0);
    }
}
