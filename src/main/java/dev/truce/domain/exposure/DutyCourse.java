package dev.truce.domain.exposure;

import dev.truce.domain.Duty;
import dev.truce.domain.Kind;
import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Outcome;
import dev.truce.domain.Truce;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The rate one obligation contributes to the duty on what it covers, over time, as known at one as-of
 * instant: its deadline is the one in force then, its outcome one recorded by then. At an instant:
 * <ol>
 * <li>once its outcome is in effect: the outcome's {@code duty} when it gives one; otherwise {@code lapsed}
 *     applies the lapsed rate, {@code permanent} (and {@code fulfilled}, {@code missed}, which change no rate by
 *     themselves) keep the kept rate, {@code ended} and {@code replaced} contribute nothing (the measure is gone, or
 *     has moved to the obligations that replace it);</li>
 * <li>once its deadline has passed with no outcome in effect: not known, either rate (never a guess);</li>
 * <li>before it takes effect: what applies without it. For a commitment that holds a rate down (a suspension, a
 *     cut, a removal) that is its {@code lapsed} rate: nothing holds the rate down yet (before Geneva the 34%
 *     applied). A {@code measure} (a surcharge) is not in force yet: nothing. An obligation named in another's
 *     {@code replaced} outcome contributes nothing either: until it starts, the one it replaces speaks for the
 *     period, and counting both would count one duty twice;</li>
 * <li>otherwise, while it holds: its kept rate.</li>
 * </ol>
 * The order is that of the timeline (an outcome settles a row; a deadline that passed before the start makes
 * it unresolved).
 */
public record DutyCourse(ObligationStatus status, Instant starts, Instant deadline, Outcome outcome,
                         Instant outcomeEffective, boolean successor) {

    /** {@code successor}: another obligation's outcome names this one in {@code by}. */
    public static DutyCourse of(ObligationStatus status, Truce truce, boolean successor) {
        ZoneId zone = truce.zone();
        Obligation obligation = status.obligation();
        Instant deadline = status.deadlineInstant().orElse(null);
        Outcome outcome = status.outcome().orElse(null);
        Instant effective = outcome == null ? null
                : outcome.effective() != null ? outcome.effective().start(zone) : deadline;
        return new DutyCourse(status, obligation.effectiveOr(truce).start(zone), deadline, outcome, effective,
                successor);
    }

    public Obligation obligation() {
        return status.obligation();
    }

    public Duty duty() {
        return obligation().duty();
    }

    /** The share at an instant. */
    public Share at(Instant t) {
        Duty duty = obligation().duty();
        if (outcomeEffective != null && !t.isBefore(outcomeEffective)) {
            return Share.certain(afterOutcome());
        }
        if (deadline != null && !t.isBefore(deadline)) {
            return Share.either(duty.kept(), duty.lapsed());
        }
        if (t.isBefore(starts)) {
            return Share.certain(beforeStart());
        }
        return Share.certain(duty.kept());
    }

    /** The rate if it lapses at its deadline: the lapsed rate. */
    public BigDecimal lapsedRate() {
        return duty().lapsed();
    }

    /** The rate that applies before it takes effect (see the class comment). */
    public BigDecimal beforeStart() {
        return obligation().kind() == Kind.MEASURE || successor ? BigDecimal.ZERO : duty().lapsed();
    }

    /** The rate once its outcome is in effect (see the class comment). */
    public BigDecimal afterOutcome() {
        if (outcome.duty() != null) {
            return outcome.duty();
        }
        return switch (outcome.result()) {
            case LAPSED -> duty().lapsed();
            case PERMANENT, FULFILLED, MISSED -> duty().kept();
            case ENDED, REPLACED -> BigDecimal.ZERO;
        };
    }

    /** The instants at which its share changes. */
    public java.util.stream.Stream<Instant> changes() {
        return java.util.stream.Stream.of(starts, deadline, outcomeEffective).filter(java.util.Objects::nonNull);
    }
}
