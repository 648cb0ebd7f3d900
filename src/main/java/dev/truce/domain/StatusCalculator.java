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
 * as-of date to the due date, and an obligation has expired once the as-of instant reaches the
 * instant its deadline passes.
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
        int known = chain.extensionsKnownAt(asOf, zone);
        return new TruceStatus(truce, end, endInstant, endDate, daysBetween(asOf, endDate),
                !asOf.isBefore(endInstant), truce.extensions().subList(0, known));
    }

    public ObligationStatus statusOf(Obligation obligation, Instant asOf) {
        Instant starts = obligation.effectiveOr(truce).start(zone);
        Optional<DeadlineChain> chain = obligation.deadlineChain(truce);
        if (chain.isEmpty()) {
            TimelineState state = asOf.isBefore(starts) ? TimelineState.PENDING : TimelineState.ACTIVE;
            return new ObligationStatus(obligation, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), state, 0, Compliance.NONE);
        }
        Moment deadline = chain.get().asOf(asOf, zone);
        Instant passes = deadline.end(zone);
        LocalDate dueDate = deadline.dateIn(zone);
        int daysLeft = daysBetween(asOf, dueDate);
        return new ObligationStatus(obligation, Optional.of(deadline), Optional.of(passes), Optional.of(dueDate),
                Optional.of(daysLeft), timeline(asOf, starts, passes, daysLeft),
                chain.get().extensionsKnownAt(asOf, zone), Compliance.NONE);
    }

    public List<ObligationStatus> statusesOf(List<Obligation> obligations, Instant asOf) {
        return obligations.stream().map(o -> statusOf(o, asOf)).sorted(SOONEST_FIRST).toList();
    }

    private TimelineState timeline(Instant asOf, Instant starts, Instant passes, int daysLeft) {
        if (!asOf.isBefore(passes)) {
            return TimelineState.EXPIRED;
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
