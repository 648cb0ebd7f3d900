package dev.truce.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One dated claim about an obligation: who says it, what they say, and on what basis. Evidence
 * records claims, not truths; {@code recorded} and {@code recordedBy} say when the desk wrote it down.
 */
public record Evidence(String obligation, Moment date, Stance stance, String claimant, Basis basis, String source,
                       String url, String note, Instant recorded, String recordedBy) {
    public Evidence {
        Objects.requireNonNull(obligation, "obligation");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(stance, "stance");
        Objects.requireNonNull(claimant, "claimant");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(source, "source");
    }

    /** When the event is taken to have happened: a bare date counts from the start of that day in the zone. */
    public Instant happened(ZoneId zone) {
        return date.start(zone);
    }
}
