package dev.truce.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One dated claim about an obligation: who says it, what they say, and on what basis. Evidence
 * records claims, not truths; {@code recorded} and {@code recordedBy} say when the desk wrote it down.
 * {@code amount}, for a purchase with a target: the claimant's cumulative figure to date, in the target's unit.
 */
public record Evidence(String obligation, Moment date, Stance stance, String claimant, Basis basis, String source,
                       String url, String note, Instant recorded, String recordedBy, BigDecimal amount)
        implements Serializable {
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

    /** What the rules and a status line read (date, stance, claimant, basis, source, amount): notes and urls dropped. */
    public Evidence summary() {
        return new Evidence(obligation, date, stance, claimant, basis, source, null, null, null, null, amount);
    }
}
