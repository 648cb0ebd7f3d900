package dev.truce.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Where the truce itself stands at a moment: its end as then known, and the extensions known by then. */
public record TruceStatus(Truce truce, Moment end, Instant endInstant, LocalDate endDate, int daysLeft,
                          boolean ended, List<Extension> extensionsKnown) {
    public TruceStatus {
        extensionsKnown = List.copyOf(extensionsKnown);
    }
}
