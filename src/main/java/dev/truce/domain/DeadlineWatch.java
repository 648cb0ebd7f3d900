package dev.truce.domain;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a monitoring system needs to know about a set of obligations: which are breached, which passed
 * their deadline with no outcome recorded, which fall due within the critical and warning windows
 * (nested: an obligation due within the critical window is also within the warning window, and
 * {@code dueWarning} starts with the {@code dueCritical} ones, soonest first), and which deadline comes next.
 * Acked obligations someone said "we know" about are set apart in {@code acked}: they count at most at
 * {@code ackedAs} (OK by default), whatever they would count alone. A breach counts as {@code breachedAs}
 * (WARNING by default): it is the counterparty's doing, which no operator can fix at night, so it pages only where
 * a desk asks for that; what pages by default is what someone can act on, a deadline within the critical window.
 */
public record DeadlineWatch(Level level, int warningDays, int criticalDays, List<ObligationStatus> breached,
                            List<ObligationStatus> unresolved, List<ObligationStatus> dueCritical,
                            List<ObligationStatus> dueWarning, Optional<ObligationStatus> next, int total,
                            List<ObligationStatus> acked, Level ackedAs, Level breachedAs) {
    /** What a breach counts as unless told otherwise. */
    public static final Level BREACHED_AS = Level.WARNING;

    /** How bad it is. */
    public enum Level { OK, WARNING, CRITICAL }

    public DeadlineWatch {
        breached = List.copyOf(breached);
        unresolved = List.copyOf(unresolved);
        dueCritical = List.copyOf(dueCritical);
        dueWarning = List.copyOf(dueWarning);
        acked = List.copyOf(acked);
    }

    public static DeadlineWatch of(List<ObligationStatus> statuses, int warningDays, int criticalDays,
                                   OptionalInt unresolvedForDays) {
        return of(statuses, warningDays, criticalDays, unresolvedForDays, Set.of(), Level.OK, BREACHED_AS);
    }

    /**
     * {@code statuses} in any order; windows in calendar days, {@code 0 <= criticalDays <= warningDays}.
     * {@code unresolvedForDays}: how long after its deadline an unresolved obligation still counts, or empty
     * for as long as no outcome is recorded (the default: a passed deadline is news until someone says what happened).
     */
    public static DeadlineWatch of(List<ObligationStatus> statuses, int warningDays, int criticalDays,
                                   OptionalInt unresolvedForDays, Set<String> ackedIds, Level ackedAs, Level breachedAs) {
        List<ObligationStatus> open = statuses.stream().filter(s -> !ackedIds.contains(s.id())).toList();
        DeadlineWatch watch = unacked(open, warningDays, criticalDays, unresolvedForDays, statuses.size(), breachedAs);
        DeadlineWatch alone = unacked(statuses.stream().filter(s -> ackedIds.contains(s.id())).toList(), warningDays,
                criticalDays, unresolvedForDays, statuses.size(), breachedAs);
        List<ObligationStatus> acked = statuses.stream().filter(s -> ackedIds.contains(s.id()))
                .filter(s -> alone.breached().contains(s) || alone.unresolved().contains(s) || alone.dueWarning().contains(s))
                .sorted(StatusCalculator.SOONEST_FIRST).toList();
        Level ackedLevel = alone.level().compareTo(ackedAs) < 0 ? alone.level() : ackedAs;
        Level level = watch.level().compareTo(ackedLevel) >= 0 ? watch.level() : ackedLevel;
        Optional<ObligationStatus> next = statuses.stream().sorted(StatusCalculator.SOONEST_FIRST)
                .filter(s -> s.timeline().isOpen() && s.daysLeft().isPresent()).findFirst();
        return new DeadlineWatch(level, warningDays, criticalDays, watch.breached(), watch.unresolved(),
                watch.dueCritical(), watch.dueWarning(), next, statuses.size(), acked, ackedAs, breachedAs);
    }

    private static DeadlineWatch unacked(List<ObligationStatus> statuses, int warningDays, int criticalDays,
                                         OptionalInt unresolvedForDays, int total, Level breachedAs) {
        if (criticalDays < 0 || criticalDays > warningDays) {
            throw new IllegalArgumentException("need 0 <= critical <= warning, got " + criticalDays + " and " + warningDays);
        }
        List<ObligationStatus> sorted = statuses.stream().sorted(StatusCalculator.SOONEST_FIRST).toList();
        List<ObligationStatus> breached = sorted.stream()
                .filter(s -> !s.timeline().isSettled())
                .filter(s -> s.compliance().state() == ComplianceState.BREACHED).toList();
        // the most recently passed first: the one a desk is most likely still acting on
        List<ObligationStatus> unresolved = sorted.stream().filter(ObligationStatus::isUnresolved)
                .filter(s -> unresolvedForDays.isEmpty() || s.daysPassed().orElseThrow() <= unresolvedForDays.getAsInt())
                .sorted(StatusCalculator.SOONEST_FIRST.reversed()).toList();
        List<ObligationStatus> ahead = sorted.stream()
                .filter(s -> s.timeline().isOpen() && s.daysLeft().isPresent()).toList();
        List<ObligationStatus> dueCritical = ahead.stream().filter(s -> s.isDueWithin(criticalDays)).toList();
        List<ObligationStatus> dueWarning = ahead.stream().filter(s -> s.isDueWithin(warningDays)).toList();
        Level deadlines = !dueCritical.isEmpty() ? Level.CRITICAL
                : !dueWarning.isEmpty() || !unresolved.isEmpty() ? Level.WARNING : Level.OK;
        Level level = breached.isEmpty() || deadlines.compareTo(breachedAs) >= 0 ? deadlines : breachedAs;
        return new DeadlineWatch(level, warningDays, criticalDays, breached, unresolved, dueCritical, dueWarning,
                ahead.stream().findFirst(), total, List.of(), Level.OK, breachedAs);
    }
}
