package dev.truce.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** The truce itself: when it took effect, how long it runs, and the extensions that moved its end. */
public record Truce(String id, String title, List<String> parties, LocalDate announced, Moment effective,
                    ZoneId zone, int days, List<Extension> extensions, List<String> sources, String note) {
    public Truce {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(zone, "zone");
        parties = List.copyOf(parties);
        extensions = List.copyOf(extensions);
        sources = List.copyOf(sources);
    }

    /** The end as first agreed: effective plus {@code days} calendar days in the truce zone. */
    public Moment originalEnd() {
        return effective.plusDays(days, zone);
    }

    public DeadlineChain endChain() {
        return new DeadlineChain(originalEnd(), extensions);
    }
}
