package dev.truce.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where one obligation stands at a moment. {@code deadline} is empty for an open-ended obligation;
 * {@code daysLeft} counts calendar days in the truce zone from the as-of date to the due date.
 * {@code outcome} is the outcome known at that moment (it may not be in effect yet: the timeline says).
 * {@code reported}: an extension announced by then but not enacted, later than the enacted deadline; it never
 * moves {@code deadline}, it stands beside it. {@code chainKnown}: the extensions of its own chain known by then,
 * reported ones included (empty when it follows the truce's).
 */
public record ObligationStatus(Obligation obligation, Optional<Moment> deadline, Optional<Instant> deadlineInstant,
                               Optional<LocalDate> dueDate, Optional<Integer> daysLeft, TimelineState timeline,
                               int extensionsKnown, Compliance compliance, Optional<Outcome> outcome,
                               Optional<DeadlineChain.Link> reported, List<Extension> chainKnown) {
    public ObligationStatus {
        chainKnown = List.copyOf(chainKnown);
    }

    public String id() {
        return obligation.id();
    }

    public ObligationStatus withCompliance(Compliance assessed) {
        return new ObligationStatus(obligation, deadline, deadlineInstant, dueDate, daysLeft, timeline, extensionsKnown,
                assessed, outcome, reported, chainKnown);
    }

    /** The deadline a report (not an instrument) speaks of, while the row is not settled. */
    public Optional<Moment> reportedDue() {
        return timeline.isSettled() ? Optional.empty() : reported.map(DeadlineChain.Link::deadline);
    }

    /** The deadline is ahead and within {@code days} (0: due today). */
    public boolean isDueWithin(int days) {
        return timeline.isOpen() && daysLeft.map(left -> left <= days).orElse(false);
    }

    /** The deadline passed and nobody has recorded what happened. */
    public boolean isUnresolved() {
        return timeline == TimelineState.UNRESOLVED;
    }

    /**
     * Whole days, in the truce zone, since the deadline passed (0 on the day it passed); empty while it is
     * ahead. A date-only deadline ("through 06-30") passes at the start of the next day, so on 07-01 it
     * passed today, not a day ago.
     */
    public Optional<Integer> daysPassed() {
        return daysLeft.flatMap(left -> deadline.map(d -> Phrases.daysPassed(left, d)))
                .filter(passed -> passed >= 0 && !timeline.isOpen());
    }
}
