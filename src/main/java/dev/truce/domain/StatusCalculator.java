package dev.truce.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The timeline rules. Days are calendar days in the truce zone: {@code days_left} runs from the
 * as-of date to the due date. Once the as-of instant reaches the instant a deadline passes, the
 * obligation is unresolved until an outcome is recorded; an outcome counts from the start of its
 * decided day (before that the tool did not know it) and from its effective moment (the deadline
 * unless it says otherwise), and then the timeline is its result.
 */
public final class StatusCalculator {
    /** Soonest first; open-ended obligations last; ties by id so the order never wobbles. */
    public static final Comparator<ObligationStatus> SOONEST_FIRST = Comparator
            .comparing((ObligationStatus s) -> s.deadlineInstant().orElse(Instant.MAX))
            .thenComparing(ObligationStatus::id);

    private final Truce truce;
    private final ZoneId zone;
    private final int dueSoonDays;

    public StatusCalculator(Truce truce, AlertSettings alerts) {
        this.truce = truce;
        this.zone = truce.zone();
        this.dueSoonDays = alerts.largestThreshold();
    }

    public TruceStatus truceStatus(Instant asOf) {
        DeadlineChain chain = truce.endChain();
        Moment end = chain.asOf(asOf, zone);
        Instant endInstant = end.end(zone);
        LocalDate endDate = end.dateIn(zone);
        Optional<Outcome> outcome = truce.course().outcomeKnownAt(asOf, zone);
        boolean settled = outcome.map(o -> o.inEffect(asOf, endInstant, zone)).orElse(false);
        return new TruceStatus(truce, end, endInstant, endDate, daysBetween(asOf, endDate),
                !asOf.isBefore(endInstant), chain.enactedKnownAt(asOf, zone), outcome, settled,
                chain.reportedAsOf(asOf, zone), chain.knownAt(asOf, zone));
    }

    public ObligationStatus statusOf(Obligation obligation, Instant asOf) {
        Instant starts = obligation.effectiveOr(truce).start(zone);
        Optional<DeadlineChain> chain = obligation.deadlineChain(truce);
        Optional<Outcome> outcome = obligation.course().outcomeKnownAt(asOf, zone);
        if (chain.isEmpty()) {
            TimelineState state = asOf.isBefore(starts) ? TimelineState.PENDING : TimelineState.ACTIVE;
            state = settle(state, outcome, asOf, null);
            return new ObligationStatus(obligation, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), state, 0, Compliance.NONE, outcome, Optional.empty(), List.of());
        }
        Instant readAt = obligation.course().readAt(chain.get(), asOf, zone);
        Moment deadline = chain.get().asOf(readAt, zone);
        Instant passes = deadline.end(zone);
        LocalDate dueDate = deadline.dateIn(zone);
        int daysLeft = daysBetween(asOf, dueDate);
        TimelineState state = settle(timeline(asOf, starts, passes, daysLeft), outcome, asOf, passes);
        return new ObligationStatus(obligation, Optional.of(deadline), Optional.of(passes), Optional.of(dueDate),
                Optional.of(daysLeft), state, chain.get().extensionsKnownAt(readAt, zone), Compliance.NONE, outcome,
                chain.get().reportedAsOf(asOf, zone), obligation.due().type() == Due.Type.FIXED
                        ? chain.get().knownAt(readAt, zone) : List.of());
    }

    public List<ObligationStatus> statusesOf(List<Obligation> obligations, Instant asOf) {
        return obligations.stream().map(o -> statusOf(o, asOf)).sorted(SOONEST_FIRST).toList();
    }

    private TimelineState settle(TimelineState state, Optional<Outcome> outcome, Instant asOf, Instant deadline) {
        return outcome.filter(o -> o.inEffect(asOf, deadline, zone))
                .map(o -> TimelineState.of(o.result())).orElse(state);
    }

    private TimelineState timeline(Instant asOf, Instant starts, Instant passes, int daysLeft) {
        if (!asOf.isBefore(passes)) {
            return TimelineState.UNRESOLVED;
        }
        if (asOf.isBefore(starts)) {
            return TimelineState.PENDING;
        }
        if (daysLeft <= 0) {
            return TimelineState.DUE_TODAY;
        }
        return daysLeft <= dueSoonDays ? TimelineState.DUE_SOON : TimelineState.ACTIVE;
    }

    private int daysBetween(Instant asOf, LocalDate date) {
        return (int) ChronoUnit.DAYS.between(asOf.atZone(zone).toLocalDate(), date);
    }
}
