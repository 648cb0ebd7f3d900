package dev.truce.domain;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a monitoring system needs to know about a set of obligations: which are breached, which
 * have expired, which fall due within the critical and warning windows (nested: an obligation due
 * within the critical window is also within the warning window, and {@code dueWarning} starts with
 * the {@code dueCritical} ones, soonest first), and which deadline comes next.
 */
public record DeadlineWatch(Level level, int warningDays, int criticalDays, List<ObligationStatus> breached,
                            List<ObligationStatus> expired, List<ObligationStatus> dueCritical,
                            List<ObligationStatus> dueWarning, Optional<ObligationStatus> next, int total) {

    /** How bad it is. An expired obligation stays critical until the file records an extension or drops it. */
    public enum Level { OK, WARNING, CRITICAL }

    public DeadlineWatch {
        breached = List.copyOf(breached);
        expired = List.copyOf(expired);
        dueCritical = List.copyOf(dueCritical);
        dueWarning = List.copyOf(dueWarning);
    }

    /**
     * {@code statuses} in any order; windows in calendar days, {@code 0 <= criticalDays <= warningDays}.
     * {@code expiredForDays}: how long after its deadline an expired obligation still counts, or empty
     * for as long as the file keeps it (the default: a lapse is news until someone records what happened).
     */
    public static DeadlineWatch of(List<ObligationStatus> statuses, int warningDays, int criticalDays,
                                   OptionalInt expiredForDays) {
        if (criticalDays < 0 || criticalDays > warningDays) {
            throw new IllegalArgumentException("need 0 <= critical <= warning, got " + criticalDays + " and " + warningDays);
        }
        List<ObligationStatus> sorted = statuses.stream().sorted(StatusCalculator.SOONEST_FIRST).toList();
        List<ObligationStatus> breached = sorted.stream()
                .filter(s -> s.compliance().state() == ComplianceState.BREACHED).toList();
        // the most recently expired first: the one a desk is most likely still acting on
        List<ObligationStatus> expired = sorted.stream().filter(s -> s.timeline() == TimelineState.EXPIRED)
                .filter(s -> expiredForDays.isEmpty() || -s.daysLeft().orElseThrow() <= expiredForDays.getAsInt())
                .sorted(StatusCalculator.SOONEST_FIRST.reversed()).toList();
        List<ObligationStatus> ahead = sorted.stream()
                .filter(s -> s.timeline() != TimelineState.EXPIRED && s.daysLeft().isPresent()).toList();
        List<ObligationStatus> dueCritical = ahead.stream().filter(s -> s.isDueWithin(criticalDays)).toList();
        List<ObligationStatus> dueWarning = ahead.stream().filter(s -> s.isDueWithin(warningDays)).toList();
        Level level = !breached.isEmpty() || !expired.isEmpty() || !dueCritical.isEmpty() ? Level.CRITICAL
                : !dueWarning.isEmpty() ? Level.WARNING : Level.OK;
        return new DeadlineWatch(level, warningDays, criticalDays, breached, expired, dueCritical, dueWarning,
                ahead.stream().findFirst(), statuses.size());
    }
}
