package dev.truce.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What happened to an obligation (or to the truce): recorded by hand once it is known.
 *
 * @param decided   when it was decided or became known (as-of replay does not know it before); may be null
 * @param effective when it takes effect; null means at the deadline
 * @param by        for {@link OutcomeResult#REPLACED}: the obligations that take over
 * @param duty      the additional duty, in percent, that applies afterwards, when the outcome says so; may be null
 */
public record Outcome(OutcomeResult result, LocalDate decided, Moment effective, List<String> by, BigDecimal duty,
                      String source, String note) {
    public Outcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(source, "source");
        by = by == null ? List.of() : List.copyOf(by);
    }

    /** From when the outcome is known: the start of its decided day in the zone, or always when that day is not given. */
    public Instant knownFrom(ZoneId zone) {
        return decided == null ? Instant.MIN : decided.atStartOfDay(zone).toInstant();
    }

    /** When it takes effect: its own moment (a bare date from the start of that day), else the deadline's passing. */
    public Instant effectiveAt(Instant deadline, ZoneId zone) {
        return effective != null ? effective.start(zone) : deadline;
    }

    /** Known and in effect at {@code asOf}. {@code deadline} is null for an obligation without one (then effective is set). */
    public boolean inEffect(Instant asOf, Instant deadline, ZoneId zone) {
        Instant takesEffect = effective != null ? effective.start(zone) : deadline;
        return takesEffect != null && !asOf.isBefore(knownFrom(zone)) && !asOf.isBefore(takesEffect);
    }

    public boolean isKnown(Instant asOf, ZoneId zone) {
        return !asOf.isBefore(knownFrom(zone));
    }
}
