package dev.truce.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The truce itself: when it took effect, how long it runs, the extensions that moved its end, and
 * (once recorded) what happened when it ended.
 */
public record Truce(String id, String title, List<String> parties, LocalDate announced, Moment effective,
                    ZoneId zone, int days, List<Extension> extensions, List<String> sources, String note,
                    Outcome outcome) implements Serializable {
    public Truce {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(zone, "zone");
        parties = List.copyOf(parties);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** The end as first agreed: effective plus {@code days} calendar days in the truce zone. */
    public Moment originalEnd() {
        return endAfter(effective, days, zone);
    }

    /**
     * {@code days} days from {@code start}: a date-time moves by calendar days in the zone, keeping
     * its wall-clock time; a bare date starts at 00:00, so the span ends as the last day ends
     * (90 days from 2025-05-14 last through 2025-08-11).
     */
    public static Moment endAfter(Moment start, int days, ZoneId zone) {
        return start.isDateOnly() ? start.plusDays(days - 1L, zone) : start.plusDays(days, zone);
    }

    public DeadlineChain endChain() {
        return new DeadlineChain(originalEnd(), extensions);
    }

    /** This truce with another outcome (tests replay the ruling on the shipped file). */
    public Truce withOutcome(Outcome value) {
        return new Truce(id, title, parties, announced, effective, zone, days, extensions, sources, note, value);
    }
}
