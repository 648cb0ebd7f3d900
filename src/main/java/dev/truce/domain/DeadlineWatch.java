package dev.truce.domain;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a monitoring system needs to know about a set of obligations: which are breached, which passed
 * their deadline with no outcome recorded, which fall due within the critical and warning windows
 * (nested: an obligation due within the critical window is also within the warning window, and
 * {@code dueWarning} starts with the {@code dueCritical} ones, soonest first), and which deadline comes next.
 */
public record DeadlineWatch(Level level, int warningDays, int criticalDays, List<ObligationStatus> breached,
                            List<ObligationStatus> unresolved, List<ObligationStatus> dueCritical,
                            List<ObligationStatus> dueWarning, Optional<ObligationStatus> next, int total) {

    /** How bad it is. */
    public enum Level { OK, WARNING, CRITICAL }

    public DeadlineWatch {
        breached = List.copyOf(breached);
        unresolved = List.copyOf(unresolved);
        dueCritical = List.copyOf(dueCritical);
        dueWarning = List.copyOf(dueWarning);
    }

    /**
     * {@code statuses} in any order; windows in calendar days, {@code 0 <= criticalDays <= warningDays}.
     * {@code unresolvedForDays}: how long after its deadline an unresolved obligation still counts, or empty
     * for as long as no outcome is recorded (the default: a passed deadline is news until someone says what happened).
     */
    public static DeadlineWatch of(List<ObligationStatus> statuses, int warningDays, int criticalDays,
                                   OptionalInt unresolvedForDays) {
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
        Level level = !breached.isEmpty() || !dueCritical.isEmpty() ? Level.CRITICAL
                : !dueWarning.isEmpty() || !unresolved.isEmpty() ? Level.WARNING : Level.OK;
        return new DeadlineWatch(level, warningDays, criticalDays, breached, unresolved, dueCritical, dueWarning,
                ahead.stream().findFirst(), statuses.size());
    }
}
